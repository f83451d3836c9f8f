package org.mercurymq.tools.command.topic;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.TopicNames;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code topicList [-c]}: every topic the name server knows; with -c also its cluster and consumer groups. */
public class TopicListSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicList";
    }

    @Override
    public String commandDesc() {
        return "Fetch all topic list from name server";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.flag(options, "c", "clusterModel", "clusterModel");
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        Set<String> topics = new TreeSet<>(admin.fetchAllTopicList().getTopicList());
        if (!line.hasOption('c')) {
            for (String topic : topics) {
                ctx.out().println(topic);
            }
            return;
        }
        ClusterInfo info = admin.examineBrokerClusterInfo();
        ctx.out().printf("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group");
        for (String topic : topics) {
            if (TopicNames.isRetryTopic(topic) || TopicNames.isDLQTopic(topic)) {
                continue;
            }
            String cluster = clusterOf(admin, info, topic);
            Set<String> groups = groupsOf(admin, topic);
            if (groups.isEmpty()) {
                ctx.out().printf("%-20s  %-64s  %-64s%n", cluster, topic, "");
            }
            for (String group : groups) {
                ctx.out().printf("%-20s  %-64s  %-64s%n", cluster, topic, group);
            }
        }
    }

    private static String clusterOf(DefaultMQAdminExt admin, ClusterInfo info, String topic) {
        try {
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            for (BrokerData bd : route.getBrokerDatas()) {
                String c = bd.getCluster() != null ? bd.getCluster() : ClusterAddresses.clusterOf(info, bd.getBrokerName());
                if (c != null) {
                    return c;
                }
            }
        } catch (Exception e) {
            // a topic without a route (e.g. a cluster name) has no cluster to show
        }
        return "";
    }

    private static Set<String> groupsOf(DefaultMQAdminExt admin, String topic) {
        try {
            return new TreeSet<>(admin.queryTopicConsumeByWho(topic).getGroupList());
        } catch (Exception e) {
            return Collections.emptySet();
        }
    }
}
