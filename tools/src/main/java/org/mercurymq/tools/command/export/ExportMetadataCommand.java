package org.mercurymq.tools.command.export;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.TopicNames;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code exportMetadata (-c cluster | -b addr) [-f dir] [-t | -g] [-s]}, as RocketMQ 4.9.7's (docs/mqadmin.md):
 * system topics and groups are left out (the broker's own system-topic list), retry/DLQ topics are kept only with
 * {@code -s}; with {@code -b} and {@code -t}/{@code -g} one broker's topic or group table is written; with
 * {@code -c} the tables of every master are merged (queue counts and retryQueueNums summed over the brokers) into {@code metadata.json}
 * ({@code topic.json} / {@code subscriptionGroup.json} with {@code -t} / {@code -g}). Stateless.
 */
public class ExportMetadataCommand implements SubCommand {
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final Set<String> BUILT_IN_GROUPS = new HashSet<>(Arrays.asList("DEFAULT_CONSUMER",
        "DEFAULT_PRODUCER", "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_P_GROUP", "TOOLS_CONSUMER",
        "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION",
        "CID_ONSAPI_OWNER"));

    @Override
    public String commandName() {
        return "exportMetadata";
    }

    @Override
    public String commandDesc() {
        return "export metadata";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.oneOf(options, CliOptions.withArg("c", "clusterName", "choose a cluster to export"),
            CliOptions.withArg("b", "brokerAddr", "choose a broker to export"));
        CliOptions.arg(options, "f", "filePath", "export metadata.json path | default /tmp/rocketmq/export", false);
        CliOptions.flag(options, "t", "topic", "only export topic metadata");
        CliOptions.flag(options, "g", "subscriptionGroup", "only export subscriptionGroup metadata");
        CliOptions.flag(options, "s", "specialTopic", "need retryTopic and dlqTopic");
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        String dir = line.hasOption('f') ? CliOptions.value(line, "f") : ExportFiles.DEFAULT_DIR;
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            if (line.hasOption('t')) {
                String file = dir + "/topic.json";
                ExportFiles.writeJson(file, userTopics(admin, addr, line.hasOption('s')));
                ctx.out().printf("export %s success", file);
            } else if (line.hasOption('g')) {
                String file = dir + "/subscriptionGroup.json";
                ExportFiles.writeJson(file, userGroups(admin, addr));
                ctx.out().printf("export %s success", file);
            }
            ctx.out().flush();
            return;
        }
        boolean special = line.hasOption('s');
        Map<String, JSONObject> topics = new TreeMap<>();
        Map<String, JSONObject> groups = new TreeMap<>();
        for (String addr : ClusterAddresses.masters(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            JSONObject topicTable = userTopics(admin, addr, special).getJSONObject("topicConfigTable");
            for (String topic : topicTable == null ? Set.<String>of() : topicTable.keySet()) {
                JSONObject config = topicTable.getJSONObject(topic);
                JSONObject seen = topics.get(topic);
                if (seen != null) {
                    config.put("readQueueNums", seen.getIntValue("readQueueNums") + config.getIntValue("readQueueNums"));
                    config.put("writeQueueNums", seen.getIntValue("writeQueueNums") + config.getIntValue("writeQueueNums"));
                }
                topics.put(topic, config);
            }
            JSONObject groupTable = userGroups(admin, addr).getJSONObject("subscriptionGroupTable");
            for (String group : groupTable == null ? Set.<String>of() : groupTable.keySet()) {
                JSONObject config = groupTable.getJSONObject(group);
                JSONObject seen = groups.get(group);
                if (seen != null) {
                    config.put("retryQueueNums", seen.getIntValue("retryQueueNums") + config.getIntValue("retryQueueNums"));
                }
                groups.put(group, config);
            }
        }
        Map<String, Object> result = new TreeMap<>();
        String file;
        if (line.hasOption('t')) {
            result.put("topicConfigTable", topics);
            file = dir + "/topic.json";
        } else if (line.hasOption('g')) {
            result.put("subscriptionGroupTable", groups);
            file = dir + "/subscriptionGroup.json";
        } else {
            result.put("topicConfigTable", topics);
            result.put("subscriptionGroupTable", groups);
            file = dir + "/metadata.json";
        }
        result.put("exportTime", System.currentTimeMillis());
        ExportFiles.writeJson(file, result);
        ctx.out().printf("export %s success%n", file);
        ctx.out().flush();
    }

    /**
     * The broker's topic wrapper without the topics its GET_SYSTEM_TOPIC_LIST_FROM_BROKER names and, unless
     * {@code special}, without retry and DLQ topics (RocketMQ's getUserTopicConfig).
     */
    static JSONObject userTopics(DefaultMQAdminExt admin, String addr, boolean special) throws Exception {
        Set<String> systemTopics = admin.getSystemTopicListFromBroker(addr).getTopicList();
        JSONObject wrapper = tree(admin.getAllTopicConfig(addr, TIMEOUT_MILLIS));
        JSONObject table = wrapper.getJSONObject("topicConfigTable");
        if (table != null) {
            table.keySet().removeIf(topic -> systemTopics.contains(topic)
                || (!special && (TopicNames.isRetryTopic(topic) || TopicNames.isDLQTopic(topic))));
        }
        return wrapper;
    }

    /** The broker's group wrapper without system groups ({@code CID_RMQ_SYS_*} and the built-in ones). */
    static JSONObject userGroups(DefaultMQAdminExt admin, String addr) throws Exception {
        JSONObject wrapper = tree(admin.getAllSubscriptionGroup(addr, TIMEOUT_MILLIS));
        JSONObject table = wrapper.getJSONObject("subscriptionGroupTable");
        if (table != null) {
            table.keySet().removeIf(group -> group.startsWith("CID_RMQ_SYS_") || BUILT_IN_GROUPS.contains(group));
        }
        return wrapper;
    }

    private static JSONObject tree(Object body) {
        return JSON.parseObject(RemotingSerializable.toJson(body));
    }
}
