package org.mercurymq.tools.command.acl;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.PlainAccessConfig;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code updateAclConfig -b addr | -c cluster -a ak -s sk [-w -i -u -t -g -m]}: creates an ACL account or
 * overwrites the given fields of an existing one on each target broker (docs/security.md).
 */
public class UpdateAccessConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Update acl config yaml file in broker";
    }

    @Override
    public Options buildOptions(Options options) {
        AclTargets.brokerOrCluster(options, "update acl config file to which broker", "update acl config file to which cluster");
        CliOptions.arg(options, "a", "accessKey", "set accessKey in acl config file", true);
        CliOptions.arg(options, "s", "secretKey", "set secretKey in acl config file", true);
        CliOptions.arg(options, "w", "whiteRemoteAddress", "set white ip Address for account in acl config file", false);
        CliOptions.arg(options, "i", "defaultTopicPerm", "set default topicPerm in acl config file", false);
        CliOptions.arg(options, "u", "defaultGroupPerm", "set default GroupPerm in acl config file", false);
        CliOptions.arg(options, "t", "topicPerms", "set topicPerms list,eg: topicA=DENY,topicD=SUB", false);
        CliOptions.arg(options, "g", "groupPerms", "set groupPerms list,eg: groupD=DENY,groupD=SUB", false);
        CliOptions.arg(options, "m", "admin", "set admin flag in acl config file", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        PlainAccessConfig config = new PlainAccessConfig();
        config.setAccessKey(CliOptions.value(line, "a"));
        config.setSecretKey(CliOptions.value(line, "s"));
        config.setWhiteRemoteAddress(CliOptions.value(line, "w"));
        config.setDefaultTopicPerm(CliOptions.value(line, "i"));
        config.setDefaultGroupPerm(CliOptions.value(line, "u"));
        config.setTopicPerms(list(CliOptions.value(line, "t")));
        config.setGroupPerms(list(CliOptions.value(line, "g")));
        config.setAdmin(CliOptions.boolValue(line, "m", false));
        DefaultMQAdminExt admin = ctx.admin();
        for (String addr : AclTargets.forWrite(line, admin)) {
            admin.createAndUpdatePlainAccessConfig(addr, config);
            ctx.out().printf("create or update plain access config to %s success.%n", addr);
        }
        // RocketMQ prints the config object itself (Object's toString, no newline); so does Mercury.
        ctx.out().printf("%s", config);
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
