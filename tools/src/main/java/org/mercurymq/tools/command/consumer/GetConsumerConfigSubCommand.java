package org.mercurymq.tools.command.consumer;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code getConsumerConfig -g group}: the subscription group's config on every broker that holds it. */
public class GetConsumerConfigSubCommand implements SubCommand {
    private static final String FIELD = "%-40s=  %s\n";

    @Override
    public String commandName() {
        return "getConsumerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get consumer config by subscription group name!";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.arg(options, "g", "groupName", "subscription group name", true);
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String group = CliOptions.value(line, "g");
        DefaultMQAdminExt admin = ctx.admin();
        ClusterInfo info = admin.examineBrokerClusterInfo();
        // the broker table's own (hash) order, as RocketMQ iterates it
        for (Map.Entry<String, BrokerData> e : new java.util.HashMap<>(info.getBrokerAddrTable()).entrySet()) {
            SubscriptionGroupConfig c = admin.examineSubscriptionGroupConfig(e.getValue().selectBrokerAddr(), group);
            if (c == null) {
                continue;
            }
            ctx.out().printf("=============================%s:%s=============================\n",
                ClusterAddresses.clusterOf(info, e.getKey()), e.getKey());
            ctx.out().printf(FIELD, "groupName", c.getGroupName());
            ctx.out().printf(FIELD, "consumeEnable", c.isConsumeEnable());
            ctx.out().printf(FIELD, "consumeFromMinEnable", c.isConsumeFromMinEnable());
            ctx.out().printf(FIELD, "consumeBroadcastEnable", c.isConsumeBroadcastEnable());
            ctx.out().printf(FIELD, "retryQueueNums", c.getRetryQueueNums());
            ctx.out().printf(FIELD, "retryMaxTimes", c.getRetryMaxTimes());
            ctx.out().printf(FIELD, "brokerId", c.getBrokerId());
            ctx.out().printf(FIELD, "whichBrokerWhenConsumeSlowly", c.getWhichBrokerWhenConsumeSlowly());
            ctx.out().printf(FIELD, "notifyConsumerIdsChangedEnable", c.isNotifyConsumerIdsChangedEnable());
        }
    }
}
