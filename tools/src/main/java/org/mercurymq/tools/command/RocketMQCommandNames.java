package org.mercurymq.tools.command;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The 57 sub-command names (and two aliases) that RocketMQ 4.9.7's mqadmin registers (docs/protocol/mqadmin.md), so
 * that a name Mercury's mqadmin does not implement yet is answered with "not implemented" rather than "not a
 * command". Immutable.
 */
final class RocketMQCommandNames {
    private static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
        "updateTopic", "deleteTopic", "updateSubGroup", "deleteSubGroup", "updateBrokerConfig", "updateTopicPerm",
        "topicRoute", "topicStatus", "topicClusterList", "brokerStatus", "queryMsgById", "queryMsgByKey",
        "queryMsgByUniqueKey", "queryMsgByOffset", "queryMsgTraceById", "printMsg", "printMsgByQueue",
        "sendMsgStatus", "brokerConsumeStats", "producerConnection", "consumerConnection", "consumerProgress",
        "consumerStatus", "cloneGroupOffset", "producer", "clusterList", "topicList", "updateKvConfig",
        "deleteKvConfig", "wipeWritePerm", "addWritePerm", "resetOffsetByTime", "skipAccumulatedMessage",
        "updateOrderConf", "cleanExpiredCQ", "deleteExpiredCommitLog", "cleanUnusedTopic", "startMonitoring",
        "statsAll", "allocateMQ", "checkMsgSendRT", "clusterRT", "getNamesrvConfig", "updateNamesrvConfig",
        "getBrokerConfig", "getConsumerConfig", "queryCq", "sendMessage", "consumeMessage", "updateAclConfig",
        "deleteAclConfig", "deleteAccessConfig", "clusterAclConfigVersion", "updateGlobalWhiteAddr", "getAclConfig",
        "getAccessConfigSubCommand", "exportMetadata", "exportConfigs", "exportMetrics"));

    private RocketMQCommandNames() {
    }

    /** Every name (and alias) RocketMQ 4.9.7's mqadmin registers. */
    static List<String> all() {
        return NAMES;
    }

    /** RocketMQ's spelling of {@code name} (mqadmin matches names case-insensitively), or null when it has none. */
    static String rocketmqName(String name) {
        for (String n : NAMES) {
            if (n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        return null;
    }
}
