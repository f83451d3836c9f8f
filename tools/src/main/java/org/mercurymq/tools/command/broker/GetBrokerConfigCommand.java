package org.mercurymq.tools.command.broker;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.PropertiesText;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code getBrokerConfig -b addr | -c cluster}: the broker's effective config, key by key. */
public class GetBrokerConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getBrokerConfig";
    }

    @Override
    public String commandDesc() {
        return "Get broker config by cluster or special broker!";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "get which broker"),
            CliOptions.withArg("c", "clusterName", "get which cluster"));
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            printConfig(ctx.out(), "============" + addr + "============", admin.getBrokerConfig(addr));
            // RocketMQ 4.9.7 ends the single-broker form with an empty line
            ctx.out().println();
            return;
        }
        for (BrokerData bd : ClusterAddresses.brokersOf(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            String master = bd.getBrokerAddrs().get(BrokerConstants.MASTER_ID);
            for (Map.Entry<Long, String> e : bd.getBrokerAddrs().entrySet()) {
                String title = e.getKey() == BrokerConstants.MASTER_ID ? "============Master: " + e.getValue() + "============"
                    : "============My Master: " + master + "=====Slave: " + e.getValue() + "============";
                printConfig(ctx.out(), title, admin.getBrokerConfig(e.getValue()));
                // as RocketMQ 4.9.7: an empty line after each broker's block
                ctx.out().println();
            }
        }
    }

    /** A title line, then {@code key = value} lines sorted by key (also used by getNamesrvConfig). */
    public static void printConfig(PrintStream out, String title, Properties config) {
        out.println(title);
        for (Map.Entry<String, String> e : PropertiesText.sorted(config).entrySet()) {
            out.printf("%-50s=  %s%n", e.getKey(), e.getValue());
        }
    }
}
