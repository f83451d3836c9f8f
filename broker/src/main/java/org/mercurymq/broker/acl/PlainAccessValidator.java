package org.mercurymq.broker.acl;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.mercurymq.common.acl.AclSigner;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * The broker's ACL check, run as a server RPC hook before every request reaches its processor
 * (docs/security.md). Order: global white list; access key known; account white address; signature;
 * admin-only codes; per-resource permission. A refusal throws {@link AclException}, which the
 * remoting layer answers with code 1 and the exception text; the request is not processed.
 * Thread-safe: reads the current config through {@code config} and never touches files.
 */
public final class PlainAccessValidator implements RPCHook {
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";
    private static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    private final Supplier<AclConfig> config;

    PlainAccessValidator(Supplier<AclConfig> config) {
        this.config = config;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        validate(hostOf(remoteAddr), request);
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }

    void validate(String ip, RemotingCommand request) {
        AclConfig c = config.get();
        if (c.globallyWhite(ip)) {
            return;
        }
        Map<String, String> ext = request.getExtFields() == null ? new HashMap<>() : request.getExtFields();
        String ak = ext.get(AclSigner.ACCESS_KEY);
        if (ak == null) {
            throw new AclException("No accessKey is configured");
        }
        AclAccount account = c.accounts.get(ak);
        if (account == null) {
            throw new AclException("No acl config for " + ak);
        }
        if (account.whiteRemoteAddress.matches(ip)) {
            return;
        }
        checkSignature(account, ext, request.getBody());
        Map<String, Integer> needed = AclResources.of(request);
        if (Integer.valueOf(Permission.PUB).equals(needed.get(TRACE_TOPIC))) {
            return;
        }
        checkPermission(account, request.getCode(), needed);
    }

    /**
     * RocketMQ 4.9.7 leaves {@code _UNIQUE_KEY_QUERY} out when verifying although its client signs it,
     * so query-by-key fails there; we accept the signature with the field (what the client signs) or
     * without it (what 4.9.7 brokers verified), see docs/security.md.
     */
    private static void checkSignature(AclAccount account, Map<String, String> ext, byte[] body) {
        String given = ext.get(AclSigner.SIGNATURE);
        if (given != null) {
            if (given.equals(AclSigner.sign(AclSigner.content(ext, body, AclSigner.SIGNATURE), account.secretKey))) {
                return;
            }
            if (ext.containsKey(UNIQUE_KEY_QUERY) && given.equals(AclSigner.sign(
                AclSigner.content(ext, body, AclSigner.SIGNATURE, UNIQUE_KEY_QUERY), account.secretKey))) {
                return;
            }
        }
        throw new AclException("Check signature failed for accessKey=" + account.accessKey);
    }

    private static void checkPermission(AclAccount account, int code, Map<String, Integer> needed) {
        if (Permission.ADMIN_CODES.contains(code) && !account.admin) {
            throw new AclException("Need admin permission for request code=" + code + ", but accessKey="
                + account.accessKey + " is not");
        }
        if (needed.isEmpty() || account.admin && account.resourcePerms.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Integer> e : needed.entrySet()) {
            String resource = e.getKey();
            boolean group = resource.startsWith(AclAccount.RETRY_PREFIX);
            Integer owned = account.resourcePerms.get(resource);
            if (owned == null) {
                owned = group ? account.defaultGroupPerm : account.defaultTopicPerm;
            }
            if (!Permission.allows(e.getValue(), owned)) {
                String name = group ? resource.substring(AclAccount.RETRY_PREFIX.length()) : resource;
                throw new AclException("No default permission for " + (group ? "group:" : "topic:") + name
                    + " (accessKey=" + account.accessKey + " needs " + Permission.name(e.getValue())
                    + ", has " + Permission.name(owned) + ")");
            }
        }
    }

    static String hostOf(String remoteAddr) {
        if (remoteAddr == null) {
            return "";
        }
        int colon = remoteAddr.lastIndexOf(':');
        String host = colon < 0 ? remoteAddr : remoteAddr.substring(0, colon);
        if (host.startsWith("/")) {
            host = host.substring(1);
        }
        return host;
    }
}
