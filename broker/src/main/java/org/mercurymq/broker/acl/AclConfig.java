package org.mercurymq.broker.acl;

import java.util.List;
import java.util.Map;

/** The merged content of all ACL files: global white list and accounts by access key. Immutable. */
final class AclConfig {
    final List<IpPattern> globalWhiteRemoteAddresses;
    final Map<String, AclAccount> accounts;

    AclConfig(List<IpPattern> globalWhiteRemoteAddresses, Map<String, AclAccount> accounts) {
        this.globalWhiteRemoteAddresses = List.copyOf(globalWhiteRemoteAddresses);
        this.accounts = Map.copyOf(accounts);
    }

    boolean globallyWhite(String ip) {
        for (IpPattern p : globalWhiteRemoteAddresses) {
            if (p.matches(ip)) {
                return true;
            }
        }
        return false;
    }
}
