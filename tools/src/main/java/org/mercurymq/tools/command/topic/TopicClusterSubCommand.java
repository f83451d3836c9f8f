package org.mercurymq.tools.command.topic;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code topicClusterList -t topic}: the clusters that hold the topic (judged by its route's first broker), one a line. */
public class TopicClusterSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicClusterList";
    }

    @Override
    public String commandDesc() {
        return "get cluster info for topic";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.arg(options, "t", "topic", "topic name", true);
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        for (String cluster : ctx.admin().getTopicClusterList(CliOptions.value(line, "t"))) {
            ctx.out().printf("%s%n", cluster);
        }
    }
}
