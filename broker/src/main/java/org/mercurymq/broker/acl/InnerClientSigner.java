package org.mercurymq.broker.acl;

import java.util.HashMap;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.common.acl.AclSigner;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * Signs every request the broker's own outgoing client sends (name-server registration, the slave's
 * metadata sync from its master, ...) with {@code innerAccessKey}/{@code innerSecretKey}, the same
 * way the client's AclClientRPCHook signs (docs/security.md, "Inter-node traffic"). The keys are read
 * from the current config per request, so updateBrokerConfig takes effect at once; with either key
 * blank the request goes out unsigned. Never logs the secret. Thread-safe.
 */
public final class InnerClientSigner implements RPCHook {
    private final Supplier<BrokerConfig> config;

    public InnerClientSigner(Supplier<BrokerConfig> config) {
        this.config = config;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        BrokerConfig c = config.get();
        String accessKey = c.get(BrokerConfigKeys.INNER_ACCESS_KEY);
        String secretKey = c.get(BrokerConfigKeys.INNER_SECRET_KEY);
        if (blank(accessKey) || blank(secretKey)) {
            return;
        }
        request.makeCustomHeaderToNet();
        HashMap<String, String> ext = request.getExtFields();
        if (ext == null) {
            ext = new HashMap<>();
            request.setExtFields(ext);
        }
        ext.remove(AclSigner.SIGNATURE);
        ext.put(AclSigner.ACCESS_KEY, accessKey);
        byte[] content = AclSigner.content(ext, request.getBody());
        ext.put(AclSigner.SIGNATURE, AclSigner.sign(content, secretKey));
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
