package org.mercurymq.tools.command.acl;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code updateGlobalWhiteAddr -b addr | -c cluster -g patterns [-p file]}: replaces the global white list of
 * an ACL file (the default plain_acl.yml without -p) on each target broker.
 */
public class UpdateGlobalWhiteAddrSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateGlobalWhiteAddr";
    }

    @Override
    public String commandDesc() {
        return "Update global white address for acl Config File in broker";
    }

    @Override
    public Options buildOptions(Options options) {
        AclTargets.brokerOrCluster(options, "update global white address to which broker",
            "update global white address to which cluster");
        CliOptions.arg(options, "g", "globalWhiteRemoteAddresses",
            "set globalWhiteRemoteAddress list,eg: 10.10.103.*,192.168.0.*", true);
        CliOptions.arg(options, "p", "aclFileFullPath",
            "update global white address of specified acl file,eg: /xxx/plain_test.yml", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String patterns = CliOptions.value(line, "g");
        String file = CliOptions.value(line, "p");
        DefaultMQAdminExt admin = ctx.admin();
        for (String addr : AclTargets.forWrite(line, admin)) {
            admin.updateGlobalWhiteAddrConfig(addr, patterns, file);
            ctx.out().printf("update global white remote addresses to %s success.%n", addr);
        }
    }
}
