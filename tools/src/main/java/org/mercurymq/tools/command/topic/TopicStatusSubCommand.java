package org.mercurymq.tools.command.topic;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.TopicOffset;
import org.mercurymq.remoting.protocol.body.TopicStatsTable;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TimeText;

/** {@code topicStatus -t topic}: min and max offset and last store time of every queue of the topic. */
public class TopicStatusSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicStatus";
    }

    @Override
    public String commandDesc() {
        return "Examine topic Status info";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.arg(options, "t", "topic", "topic name", true);
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        TopicStatsTable stats = ctx.admin().examineTopicStats(CliOptions.value(line, "t"));
        ctx.out().printf("%-32s  %-4s  %-20s  %-20s    %s%n", "#Broker Name", "#QID", "#Min Offset", "#Max Offset",
            "#Last Updated");
        for (Map.Entry<MessageQueue, TopicOffset> e : new TreeMap<>(stats.getOffsetTable()).entrySet()) {
            TopicOffset o = e.getValue();
            ctx.out().printf("%-32s  %-4d  %-20d  %-20d    %s%n", e.getKey().getBrokerName(), e.getKey().getQueueId(),
                o.getMinOffset(), o.getMaxOffset(), o.getLastUpdateTimestamp() > 0 ? TimeText.human(o.getLastUpdateTimestamp()) : "");
        }
    }
}
