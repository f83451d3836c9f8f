package org.mercurymq.tools.command.broker;

import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code updateBrokerConfig -b addr | -c cluster -k key -v value}: changes one broker config key at run time. */
public class UpdateBrokerConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateBrokerConfig";
    }

    @Override
    public String commandDesc() {
        return "Update broker's config";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "update which broker"),
            CliOptions.withArg("c", "clusterName", "update which cluster"));
        CliOptions.arg(options, "k", "key", "config key", true);
        CliOptions.arg(options, "v", "value", "config value", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        Properties p = new Properties();
        p.setProperty(CliOptions.value(line, "k"), CliOptions.value(line, "v"));
        if (line.hasOption('b')) {
            String addr = CliOptions.value(line, "b");
            admin.updateBrokerConfig(addr, p);
            ctx.out().printf("update broker config success, %s%n", addr);
            return;
        }
        for (String addr : ClusterAddresses.mastersAndSlaves(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            admin.updateBrokerConfig(addr, p);
            ctx.out().printf("update broker config success, %s%n", addr);
        }
    }
}
