package org.mercurymq.tools.command.acl;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.AclConfig;
import org.mercurymq.common.PlainAccessConfig;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code getAclConfig -b addr | -c cluster} (alias getAccessConfigSubCommand): each broker's global white list
 * and accounts, secret keys included, field by field in RocketMQ's order.
 */
public class GetAccessConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getAclConfig";
    }

    @Override
    public String commandAlias() {
        return "getAccessConfigSubCommand";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config information in cluster";
    }

    @Override
    public Options buildOptions(Options options) {
        return AclTargets.brokerOrCluster(options, "query acl config version for which broker",
            "query acl config version for specified cluster");
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        if (line.hasOption('b')) {
            print(ctx.out(), admin.examineBrokerClusterAclConfig(CliOptions.value(line, "b")));
            return;
        }
        for (String addr : AclTargets.masters(line, admin)) {
            print(ctx.out(), admin.examineBrokerClusterAclConfig(addr));
        }
    }

    private static void print(PrintStream out, AclConfig config) {
        out.printf("\n");
        out.printf("%-20s: %s\n", "globalWhiteRemoteAddresses", String.valueOf(config.getGlobalWhiteAddrs()));
        out.printf("\n");
        out.printf("accounts:\n");
        if (config.getPlainAccessConfigs() == null) {
            return;
        }
        for (PlainAccessConfig a : config.getPlainAccessConfigs()) {
            // Field names and order as RocketMQ prints them; an absent value prints as empty.
            List<Object[]> fields = Arrays.asList(
                new Object[] {"accessKey", a.getAccessKey()},
                new Object[] {"secretKey", a.getSecretKey()},
                new Object[] {"whiteRemoteAddress", a.getWhiteRemoteAddress()},
                new Object[] {"admin", a.isAdmin()},
                new Object[] {"defaultTopicPerm", a.getDefaultTopicPerm()},
                new Object[] {"defaultGroupPerm", a.getDefaultGroupPerm()},
                new Object[] {"topicPerms", a.getTopicPerms()},
                new Object[] {"groupPerms", a.getGroupPerms()});
            for (Object[] f : fields) {
                out.printf("%-1s %-18s: %s\n", "", f[0], f[1] == null ? "" : f[1].toString());
            }
            out.printf("\n");
        }
    }
}
