package org.mercurymq.tools.command.offset;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code cloneGroupOffset -s src -d dest -t topic}: commits the source group's consumer offsets for the destination
 * group. As RocketMQ 4.9.7's tool does, every queue of the source group is copied (all its topics, not only
 * {@code -t}); {@code -t} only picks the route whose broker addresses receive the commits (docs/mqadmin.md).
 */
public class CloneGroupOffsetCommand implements SubCommand {
    @Override
    public String commandName() {
        return "cloneGroupOffset";
    }

    @Override
    public String commandDesc() {
        return "clone offset from other group.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "s", "srcGroup", "set source consumer group", true);
        CliOptions.arg(options, "d", "destGroup", "set destination consumer group", true);
        CliOptions.arg(options, "t", "topic", "set the topic", true);
        CliOptions.arg(options, "o", "offline", "the group or the topic is offline", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String src = CliOptions.value(line, "s");
        String dest = CliOptions.value(line, "d");
        String topic = CliOptions.value(line, "t");
        DefaultMQAdminExt admin = ctx.admin();
        ConsumeStats stats = admin.examineConsumeStats(src);
        if (!stats.getOffsetTable().isEmpty()) {
            TopicRouteData route = admin.examineTopicRouteInfo(topic);
            for (Map.Entry<MessageQueue, OffsetWrapper> e : stats.getOffsetTable().entrySet()) {
                String addr = null;
                for (BrokerData bd : route.getBrokerDatas()) {
                    if (bd.getBrokerName().equals(e.getKey().getBrokerName())) {
                        addr = bd.selectBrokerAddr();
                        break;
                    }
                }
                long offset = e.getValue().getConsumerOffset();
                if (offset >= 0 && addr != null) {
                    admin.updateConsumeOffset(addr, dest, e.getKey(), offset);
                }
            }
        }
        ctx.out().printf("clone group offset success. srcGroup[%s], destGroup=[%s], topic[%s]", src, dest, topic);
    }
}
