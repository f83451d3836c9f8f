package org.mercurymq.tools.command.topic;

import java.io.PrintStream;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code deleteTopic -t topic -c cluster}: removes a topic from the cluster's masters, then from the name servers. */
public class DeleteTopicSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteTopic";
    }

    @Override
    public String commandDesc() {
        return "Delete topic from broker and NameServer.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "c", "clusterName", "delete topic from which cluster", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        deleteTopic(ctx.admin(), CliOptions.value(line, "c"), CliOptions.value(line, "t"), ctx.out());
    }

    /** Also used by deleteSubGroup for a group's retry and dead-letter topics. */
    public static void deleteTopic(DefaultMQAdminExt admin, String cluster, String topic, PrintStream out) throws Exception {
        Set<String> masters = ClusterAddresses.masters(admin.examineBrokerClusterInfo(), cluster);
        admin.deleteTopicInBroker(masters, topic);
        out.printf("delete topic [%s] from cluster [%s] success.%n", topic, cluster);
        admin.deleteTopicInNameServer(null, topic, cluster);
        out.printf("delete topic [%s] from NameServer success.%n", topic);
    }
}
