package org.mercurymq.tools.command.acl;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code deleteAclConfig -b addr | -c cluster -a ak} (alias deleteAccessConfig): removes an ACL account. */
public class DeleteAccessConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteAclConfig";
    }

    @Override
    public String commandAlias() {
        return "deleteAccessConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete Acl Config Account in broker";
    }

    @Override
    public Options buildOptions(Options options) {
        AclTargets.brokerOrCluster(options, "delete acl config account from which broker",
            "delete acl config account from which cluster");
        CliOptions.arg(options, "a", "accessKey", "set accessKey in acl config file for deleting which account", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String accessKey = CliOptions.value(line, "a");
        DefaultMQAdminExt admin = ctx.admin();
        for (String addr : AclTargets.forWrite(line, admin)) {
            admin.deletePlainAccessConfig(addr, accessKey);
            ctx.out().printf("delete plain access config account from %s success.%n", addr);
        }
        ctx.out().printf("account's accesskey is:%s", accessKey);
    }
}
