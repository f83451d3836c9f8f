package org.mercurymq.tools.command.consumer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.TopicNames;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.topic.DeleteTopicSubCommand;

/**
 * {@code deleteSubGroup -g group -b addr | -c cluster [-r removeOffset]}: removes a subscription group; with -c
 * also its retry and dead-letter topics.
 */
public class DeleteSubscriptionGroupCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteSubGroup";
    }

    @Override
    public String commandDesc() {
        return "Delete subscription group from broker.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "delete subscription group from which broker"),
            CliOptions.withArg("c", "clusterName", "delete subscription group from which cluster"));
        CliOptions.arg(options, "g", "groupName", "subscription group name", true);
        CliOptions.arg(options, "r", "removeOffset", "remove offset", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        String group = CliOptions.value(line, "g");
        boolean removeOffset = CliOptions.boolValue(line, "r", false);
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            admin.deleteSubscriptionGroup(addr, group, removeOffset);
            ctx.out().printf("delete subscription group [%s] from broker [%s] success.%n", group, addr);
            return;
        }
        String cluster = CliOptions.value(line, "c");
        for (String addr : ClusterAddresses.masters(admin.examineBrokerClusterInfo(), cluster)) {
            admin.deleteSubscriptionGroup(addr, group, removeOffset);
            ctx.out().printf("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n", group, addr, cluster);
        }
        DeleteTopicSubCommand.deleteTopic(admin, cluster, TopicNames.getRetryTopic(group), ctx.out());
        DeleteTopicSubCommand.deleteTopic(admin, cluster, TopicNames.getDLQTopic(group), ctx.out());
    }
}
