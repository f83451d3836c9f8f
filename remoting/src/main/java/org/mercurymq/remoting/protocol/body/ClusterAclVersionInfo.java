package org.mercurymq.remoting.protocol.body;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mercurymq.common.DataVersion;

/**
 * One broker's answer to GET_BROKER_CLUSTER_ACL_INFO (docs/security.md): who it is, the version of its
 * default ACL file and the version of every ACL file it reads (file path to version). Mutable bean.
 */
public class ClusterAclVersionInfo {
    private String brokerName;
    private String brokerAddr;
    private String clusterName;
    private DataVersion aclConfigDataVersion;
    private Map<String, DataVersion> allAclConfigDataVersion = new LinkedHashMap<String, DataVersion>();

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    public DataVersion getAclConfigDataVersion() {
        return aclConfigDataVersion;
    }

    public void setAclConfigDataVersion(DataVersion aclConfigDataVersion) {
        this.aclConfigDataVersion = aclConfigDataVersion;
    }

    public Map<String, DataVersion> getAllAclConfigDataVersion() {
        return allAclConfigDataVersion;
    }

    public void setAllAclConfigDataVersion(Map<String, DataVersion> allAclConfigDataVersion) {
        this.allAclConfigDataVersion = allAclConfigDataVersion;
    }
}
