package org.mercurymq.tools.command.topic;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicFilterType;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/**
 * {@code updateTopicPerm -t topic -p perm -b addr | -c cluster}: rewrites the topic's permission on one master or on
 * every master of a cluster. Queue counts and sysFlag come from the route's first queue data, as RocketMQ's tool
 * takes them (docs/mqadmin.md).
 */
public class UpdateTopicPermSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateTopicPerm";
    }

    @Override
    public String commandDesc() {
        return "Update topic perm";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "b", "brokerAddr", "create topic to which broker", false);
        CliOptions.arg(options, "c", "clusterName", "create topic to which cluster", false);
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "p", "perm", "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        if (!line.hasOption('b') && !line.hasOption('c')) {
            throw new SubCommandException("updateTopicPerm needs -b brokerAddr or -c clusterName");
        }
        String topic = CliOptions.value(line, "t");
        int perm = CliOptions.intValue(line, "p", 0);
        if (perm != PermName.PERM_WRITE && perm != PermName.PERM_READ && perm != PermName.PERM_READ_WRITE) {
            throw new SubCommandException("perm must be 2 (W), 4 (R) or 6 (RW), got " + perm);
        }
        DefaultMQAdminExt admin = ctx.admin();
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        if (route.getQueueDatas().isEmpty()) {
            throw new SubCommandException("topic " + topic + " has no queue data in its route");
        }
        QueueData first = route.getQueueDatas().get(0);
        TopicConfig config = new TopicConfig(topic, first.getReadQueueNums(), first.getWriteQueueNums(), perm,
            TopicFilterType.SINGLE_TAG, first.getTopicSysFlag(), false);
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            String brokerName = masterName(route, addr);
            if (brokerName == null) {
                ctx.out().printf("updateTopicPerm error broker not exit or broker is not master!.%n");
                return;
            }
            int oldPerm = first.getPerm();
            for (QueueData qd : route.getQueueDatas()) {
                if (qd.getBrokerName().equals(brokerName)) {
                    oldPerm = qd.getPerm();
                    break;
                }
            }
            if (oldPerm == perm) {
                ctx.out().printf("new perm equals to the old one!%n");
                return;
            }
            admin.createAndUpdateTopicConfig(addr, config);
            ctx.out().printf("update topic perm from %s to %s in %s success.%n", oldPerm, perm, addr);
            ctx.out().printf("%s.%n", config);
            return;
        }
        for (String addr : ClusterAddresses.masters(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            admin.createAndUpdateTopicConfig(addr, config);
            ctx.out().printf("update topic perm from %s to %s in %s success.%n", first.getPerm(), perm, addr);
        }
    }

    /** The name of the broker whose master address is {@code addr} in the route, or null. */
    private static String masterName(TopicRouteData route, String addr) {
        for (BrokerData bd : route.getBrokerDatas()) {
            for (Map.Entry<Long, String> e : bd.getBrokerAddrs().entrySet()) {
                if (e.getValue().equals(addr) && e.getKey() == BrokerConstants.MASTER_ID) {
                    return bd.getBrokerName();
                }
            }
        }
        return null;
    }
}
