package org.mercurymq.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A broker's ACL content as the GET_BROKER_CLUSTER_ACL_CONFIG reply body carries it (docs/security.md):
 * the global white-list patterns and the accounts. Mutable bean; not thread-safe.
 */
public class AclConfig {
    private List<String> globalWhiteAddrs = new ArrayList<String>();
    private List<PlainAccessConfig> plainAccessConfigs = new ArrayList<PlainAccessConfig>();

    public List<String> getGlobalWhiteAddrs() {
        return globalWhiteAddrs;
    }

    public void setGlobalWhiteAddrs(List<String> globalWhiteAddrs) {
        this.globalWhiteAddrs = globalWhiteAddrs;
    }

    public List<PlainAccessConfig> getPlainAccessConfigs() {
        return plainAccessConfigs;
    }

    public void setPlainAccessConfigs(List<PlainAccessConfig> plainAccessConfigs) {
        this.plainAccessConfigs = plainAccessConfigs;
    }
}
