package org.mercurymq.broker.acl;

import java.util.HashMap;
import java.util.Objects;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.common.acl.AclSigner;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * Signs every request the broker's own outgoing client sends (name-server registration, the slave's
 * metadata sync from its master, ...) with the account of {@code innerClientAuthenticationCredentials},
 * the same way the client's AclClientRPCHook signs (docs/security.md, "Inter-node traffic"). The key is
 * read from the current config per request, so updateBrokerConfig takes effect at once; unset means the
 * request goes out unsigned. Never logs the secret. Thread-safe.
 */
public final class InnerClientSigner implements RPCHook {
    private final Supplier<BrokerConfig> config;
    /** The last parsed value and its credentials: parsing JSON once per change, not per request. */
    private volatile Parsed last = new Parsed(null, null);

    public InnerClientSigner(Supplier<BrokerConfig> config) {
        this.config = config;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        InnerCredentials credentials = current();
        if (credentials == null) {
            return;
        }
        request.makeCustomHeaderToNet();
        HashMap<String, String> ext = request.getExtFields();
        if (ext == null) {
            ext = new HashMap<>();
            request.setExtFields(ext);
        }
        ext.remove(AclSigner.SIGNATURE);
        ext.put(AclSigner.ACCESS_KEY, credentials.accessKey());
        byte[] content = AclSigner.content(ext, request.getBody());
        ext.put(AclSigner.SIGNATURE, AclSigner.sign(content, credentials.secretKey()));
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }

    private InnerCredentials current() {
        String raw = config.get().get(BrokerConfigKeys.INNER_CLIENT_CREDENTIALS);
        Parsed p = last;
        if (!Objects.equals(p.raw, raw)) {
            // start-up and updateBrokerConfig both validate the value, so parse does not throw here
            p = new Parsed(raw, InnerCredentials.parse(raw));
            last = p;
        }
        return p.credentials;
    }

    private static final class Parsed {
        final String raw;
        final InnerCredentials credentials;

        Parsed(String raw, InnerCredentials credentials) {
            this.raw = raw;
            this.credentials = credentials;
        }
    }
}
