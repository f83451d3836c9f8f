package org.mercurymq.broker.processor;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercurymq.broker.acl.AclException;
import org.mercurymq.broker.acl.AclFileEditor;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL admin codes 50–54 (docs/security.md), registered only with aclEnable=true: edit plain_acl.yml
 * through {@link AclFileEditor} and report its versions and content. Refusals use RocketMQ's codes
 * 209/210/211 with its remarks. Thread-safe.
 */
public final class AclAdminProcessor extends CodeDispatchingProcessor {
    static final int UPDATE_ACL_FAILED = 209;
    static final int DELETE_ACL_FAILED = 210;
    static final int UPDATE_WHITE_ADDRS_FAILED = 211;
    private static final Logger LOG = LoggerFactory.getLogger(AclAdminProcessor.class);

    private final AclFileEditor editor;
    private final String brokerName;
    private final String brokerAddr;
    private final String clusterName;

    public AclAdminProcessor(AclFileEditor editor, String brokerName, String brokerAddr, String clusterName) {
        this.editor = editor;
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        this.clusterName = clusterName;
        on(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, (ch, r) -> updateAccount(r));
        on(RequestCode.DELETE_ACL_CONFIG, (ch, r) -> deleteAccount(r));
        on(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, (ch, r) -> updateWhiteAddrs(r));
        on(RequestCode.GET_BROKER_CLUSTER_ACL_INFO, (ch, r) -> versions(r));
        on(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, (ch, r) -> config(r));
    }

    private RemotingCommand updateAccount(RemotingCommand r) throws Exception {
        Map<String, String> h = ext(r);
        try {
            editor.updateAccount(h);
            LOG.info("ACL: account {} updated by admin request", h.get("accessKey"));
            return success(r);
        } catch (AclException e) {
            return r.response(UPDATE_ACL_FAILED, e.getMessage());
        }
    }

    private RemotingCommand deleteAccount(RemotingCommand r) throws Exception {
        String ak = ext(r).get("accessKey");
        require(ak != null, "the custom field <accessKey> is null");
        if (editor.deleteAccount(ak)) {
            LOG.info("ACL: account {} deleted by admin request", ak);
            return success(r);
        }
        return r.response(DELETE_ACL_FAILED, "The accesskey[" + ak + "] corresponding to accessConfig has been deleted failed.");
    }

    private RemotingCommand updateWhiteAddrs(RemotingCommand r) throws Exception {
        Map<String, String> h = ext(r);
        String joined = h.get("globalWhiteAddrs");
        require(joined != null, "the custom field <globalWhiteAddrs> is null");
        List<String> patterns = new ArrayList<>();
        for (String p : joined.split(",")) {
            if (!p.trim().isEmpty()) {
                patterns.add(p.trim());
            }
        }
        try {
            editor.updateGlobalWhiteAddrs(patterns, h.get("aclFileFullPath"));
            LOG.info("ACL: global white list set to {} by admin request", patterns);
            return success(r);
        } catch (AclException e) {
            LOG.warn("ACL: global white list update refused: {}", e.getMessage());
            return r.response(UPDATE_WHITE_ADDRS_FAILED, "The globalWhiteAddresses[" + joined + "] has been updated failed.");
        }
    }

    private RemotingCommand versions(RemotingCommand r) throws Exception {
        Map<String, Map<String, Long>> all = editor.versions();
        RemotingCommand response = success(r);
        Map<String, Long> main = all.getOrDefault(editor.defaultFile(), Map.of("counter", 0L, "timestamp", 0L));
        response.addExtField("version", JSON.toJSONString(main));
        response.addExtField("allAclFileVersion", JSON.toJSONString(all));
        response.addExtField("brokerName", brokerName);
        response.addExtField("brokerAddr", brokerAddr);
        response.addExtField("clusterName", clusterName);
        return response;
    }

    private RemotingCommand config(RemotingCommand r) throws Exception {
        RemotingCommand response = success(r);
        response.setBody(editor.clusterConfigJson().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private static Map<String, String> ext(RemotingCommand r) {
        return r.getExtFields() == null ? new HashMap<>() : r.getExtFields();
    }
}
