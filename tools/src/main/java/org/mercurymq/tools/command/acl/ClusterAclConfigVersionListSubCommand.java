package org.mercurymq.tools.command.acl;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.DataVersion;
import org.mercurymq.remoting.protocol.body.ClusterAclVersionInfo;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code clusterAclConfigVersion -b addr | -c cluster}: one row per ACL file of each broker with its version. */
public class ClusterAclConfigVersionListSubCommand implements SubCommand {
    private static final String ROW = "%-16s  %-22s  %-22s  %-20s  %-22s  %-22s%n";

    @Override
    public String commandName() {
        return "clusterAclConfigVersion";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config version information in cluster";
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
            printRows(ctx.out(), admin.examineBrokerClusterAclVersionInfo(CliOptions.value(line, "b")));
            ctx.out().printf("get broker's plain access config version success.%n");
            return;
        }
        ctx.out().printf(ROW, "#Cluster Name", "#Broker Name", "#Broker Addr", "#AclFilePath", "#AclConfigVersionNum",
            "#AclLastUpdateTime");
        for (String addr : AclTargets.masters(line, admin)) {
            printRows(ctx.out(), admin.examineBrokerClusterAclVersionInfo(addr));
        }
        ctx.out().printf("get cluster's plain access config version success.%n");
    }

    private static void printRows(PrintStream out, ClusterAclVersionInfo info) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        for (Map.Entry<String, DataVersion> e : info.getAllAclConfigDataVersion().entrySet()) {
            out.printf(ROW, info.getClusterName(), info.getBrokerName(), info.getBrokerAddr(), e.getKey(),
                String.valueOf(e.getValue().getCounter()), format.format(new Date(e.getValue().getTimestamp())));
        }
    }
}
