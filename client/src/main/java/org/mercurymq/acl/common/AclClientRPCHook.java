package org.mercurymq.acl.common;

import java.util.HashMap;
import org.mercurymq.common.acl.AclSigner;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * Signs every outgoing request (sync, async, oneway; to brokers and name servers) with the plain-ACL
 * signature: puts {@code AccessKey} (and {@code SecurityToken} when set), copies the typed header into
 * extFields, then puts {@code Signature} over the sorted values plus body (docs/security.md).
 * Thread-safe as long as the credentials are not changed while in use.
 */
public class AclClientRPCHook implements RPCHook {
    private final SessionCredentials sessionCredentials;

    public AclClientRPCHook(SessionCredentials sessionCredentials) {
        this.sessionCredentials = sessionCredentials;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        request.makeCustomHeaderToNet();
        HashMap<String, String> ext = request.getExtFields();
        if (ext == null) {
            ext = new HashMap<>();
            request.setExtFields(ext);
        }
        ext.remove(AclSigner.SIGNATURE);
        ext.put(AclSigner.ACCESS_KEY, sessionCredentials.getAccessKey());
        if (sessionCredentials.getSecurityToken() != null) {
            ext.put(AclSigner.SECURITY_TOKEN, sessionCredentials.getSecurityToken());
        }
        byte[] content = AclSigner.content(ext, request.getBody());
        ext.put(AclSigner.SIGNATURE, AclSigner.sign(content, sessionCredentials.getSecretKey()));
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }

    public SessionCredentials getSessionCredentials() {
        return sessionCredentials;
    }
}
