package org.mercurymq.tools.command.consumer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/** {@code updateSubGroup -g group -b addr | -c cluster [...]}: creates or updates a subscription group. */
public class UpdateSubGroupSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateSubGroup";
    }

    @Override
    public String commandDesc() {
        return "Update or create subscription group";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "create subscription group to which broker"),
            CliOptions.withArg("c", "clusterName", "create subscription group to which cluster"));
        CliOptions.arg(options, "g", "groupName", "consumer group name", true);
        CliOptions.arg(options, "s", "consumeEnable", "consume enable", false);
        CliOptions.arg(options, "m", "consumeFromMinEnable", "from min offset", false);
        CliOptions.arg(options, "d", "consumeBroadcastEnable", "broadcast", false);
        CliOptions.arg(options, "q", "retryQueueNums", "retry queue nums", false);
        CliOptions.arg(options, "r", "retryMaxTimes", "retry max times", false);
        CliOptions.arg(options, "i", "brokerId", "consumer from which broker id", false);
        CliOptions.arg(options, "w", "whichBrokerWhenConsumeSlowly", "which broker id when consume slowly", false);
        CliOptions.arg(options, "a", "notifyConsumerIdsChanged", "notify consumerId changed", false);
        return options;
    }

    /**
     * The group config the options describe: consume enabled, not from min offset, not broadcast, 1 retry queue,
     * 16 retries, as RocketMQ's command sets when an option is not given.
     */
    static SubscriptionGroupConfig groupConfig(CommandLine line) throws SubCommandException {
        String group = CliOptions.value(line, "g");
        if (TopicValidator.isTopicOrGroupIllegal(group)) {
            throw new SubCommandException("group name '" + group + "' is illegal, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
        SubscriptionGroupConfig c = new SubscriptionGroupConfig(group);
        c.setConsumeEnable(CliOptions.boolValue(line, "s", c.isConsumeEnable()));
        c.setConsumeFromMinEnable(CliOptions.boolValue(line, "m", false));
        c.setConsumeBroadcastEnable(CliOptions.boolValue(line, "d", false));
        c.setRetryQueueNums(CliOptions.intValue(line, "q", c.getRetryQueueNums()));
        c.setRetryMaxTimes(CliOptions.intValue(line, "r", c.getRetryMaxTimes()));
        c.setBrokerId(CliOptions.longValue(line, "i", c.getBrokerId()));
        c.setWhichBrokerWhenConsumeSlowly(CliOptions.longValue(line, "w", c.getWhichBrokerWhenConsumeSlowly()));
        c.setNotifyConsumerIdsChangedEnable(CliOptions.boolValue(line, "a", c.isNotifyConsumerIdsChangedEnable()));
        return c;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        SubscriptionGroupConfig config = groupConfig(line);
        DefaultMQAdminExt admin = ctx.admin();
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            admin.createAndUpdateSubscriptionGroupConfig(addr, config);
            ctx.out().printf("create subscription group to %s success.%n", addr);
        } else {
            for (String addr : ClusterAddresses.masters(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
                admin.createAndUpdateSubscriptionGroupConfig(addr, config);
                ctx.out().printf("create subscription group to %s success.%n", addr);
            }
        }
        // as RocketMQ 4.9.7: the group config is the last output, without a line break
        ctx.out().printf("%s", config);
    }
}
