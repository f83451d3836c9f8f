package org.mercurymq.tools.command.topic;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.KVNamespaces;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/**
 * {@code updateOrderConf -t topic -m get|put|delete [-v brokerName:num;...]}: reads, writes or removes a topic's
 * order conf in the name servers' ORDER_TOPIC_CONFIG namespace.
 */
public class UpdateOrderConfCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateOrderConf";
    }

    @Override
    public String commandDesc() {
        return "Create or update or delete order conf";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "v", "orderConf", "set order conf [eg. brokerName1:num;brokerName2:num]", false);
        CliOptions.arg(options, "m", "method", "option type [eg. put|get|delete", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String topic = CliOptions.value(line, "t");
        String method = CliOptions.value(line, "m");
        DefaultMQAdminExt admin = ctx.admin();
        if ("get".equals(method)) {
            String conf = admin.getKVConfig(KVNamespaces.ORDER_TOPIC_CONFIG, topic);
            ctx.out().printf("get orderConf success. topic=[%s], orderConf=[%s] ", topic, conf);
        } else if ("put".equals(method)) {
            String conf = CliOptions.value(line, "v");
            if (conf == null) {
                throw new SubCommandException("updateOrderConf -m put needs -v brokerName:num;...");
            }
            admin.createOrUpdateOrderConf(topic, conf, true);
            ctx.out().printf("update orderConf success. topic=[%s], orderConf=[%s]", topic, conf);
        } else if ("delete".equals(method)) {
            admin.deleteKvConfig(KVNamespaces.ORDER_TOPIC_CONFIG, topic);
            ctx.out().printf("delete orderConf success. topic=[%s]", topic);
        } else {
            throw new SubCommandException("updateOrderConf -m must be get, put or delete, got '" + method + "'");
        }
    }
}
