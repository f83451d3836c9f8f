package org.mercurymq.tools.command.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.KVNamespaces;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicFilterType;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/** {@code updateTopic -t topic -b addr | -c cluster [-r 8] [-w 8] [-p 6] [-o false]}: creates or updates a topic. */
public class UpdateTopicSubCommand implements SubCommand {
    static final int DEFAULT_QUEUE_NUMS = 8;

    @Override
    public String commandName() {
        return "updateTopic";
    }

    @Override
    public String commandDesc() {
        return "Update or create topic";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "create topic to which broker"),
            CliOptions.withArg("c", "clusterName", "create topic to which cluster"));
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "r", "readQueueNums", "set read queue nums", false);
        CliOptions.arg(options, "w", "writeQueueNums", "set write queue nums", false);
        CliOptions.arg(options, "p", "perm", "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]", false);
        CliOptions.arg(options, "o", "order", "set topic's order(true|false)", false);
        return options;
    }

    /** The topic config the options describe; bad values are errors. */
    static TopicConfig topicConfig(CommandLine line) throws SubCommandException {
        String topic = CliOptions.value(line, "t");
        String problem = TopicValidator.validateTopic(topic);
        if (problem != null) {
            throw new SubCommandException(problem);
        }
        int read = CliOptions.intValue(line, "r", DEFAULT_QUEUE_NUMS);
        int write = CliOptions.intValue(line, "w", DEFAULT_QUEUE_NUMS);
        if (read <= 0 || write <= 0) {
            throw new SubCommandException("queue numbers must be positive: readQueueNums=" + read + " writeQueueNums=" + write);
        }
        int perm = CliOptions.intValue(line, "p", PermName.PERM_READ_WRITE);
        if (perm != PermName.PERM_WRITE && perm != PermName.PERM_READ && perm != PermName.PERM_READ_WRITE) {
            throw new SubCommandException("perm must be 2 (W), 4 (R) or 6 (RW), got " + perm);
        }
        boolean order = CliOptions.boolValue(line, "o", false);
        return new TopicConfig(topic, read, write, perm, TopicFilterType.SINGLE_TAG, 0, order);
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        TopicConfig config = topicConfig(line);
        DefaultMQAdminExt admin = ctx.admin();
        List<String> orderConf = new ArrayList<>();
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            admin.createAndUpdateTopicConfig(addr, config);
            if (config.isOrder()) {
                String brokerName = ClusterAddresses.brokerNameOf(admin.examineBrokerClusterInfo(), addr);
                if (brokerName == null) {
                    throw new SubCommandException("broker " + addr + " is not registered, cannot set its order conf");
                }
                String conf = brokerName + ":" + config.getWriteQueueNums();
                // merges with the other brokers' entries of the topic's order conf
                admin.createOrUpdateOrderConf(config.getTopicName(), conf, false);
                // as RocketMQ 4.9.7: this line has no line break, the "create topic" line follows on it
                ctx.out().printf("set broker orderConf. isOrder=%s, orderConf=[%s]", config.isOrder(), conf);
            }
            ctx.out().printf("create topic to %s success.%n", addr);
        } else {
            String cluster = CliOptions.value(line, "c");
            ClusterInfo info = admin.examineBrokerClusterInfo();
            Set<String> masters = ClusterAddresses.masters(info, cluster);
            if (masters.isEmpty()) {
                throw new SubCommandException("cluster " + cluster + " has no master broker");
            }
            for (String addr : masters) {
                admin.createAndUpdateTopicConfig(addr, config);
                orderConf.add(ClusterAddresses.brokerNameOf(info, addr) + ":" + config.getWriteQueueNums());
                ctx.out().printf("create topic to %s success.%n", addr);
            }
            if (config.isOrder()) {
                String conf = String.join(";", orderConf);
                admin.createAndUpdateKvConfig(KVNamespaces.ORDER_TOPIC_CONFIG, config.getTopicName(), conf);
                ctx.out().printf("set cluster orderConf. isOrder=%s, orderConf=[%s]", config.isOrder(), conf);
            }
        }
        // as RocketMQ 4.9.7: the topic config is the last output, without a line break
        ctx.out().printf("%s", config);
    }
}
