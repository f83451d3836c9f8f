package org.mercurymq.tools.command.broker;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * The shape of cleanExpiredCQ, deleteExpiredCommitLog and cleanUnusedTopic: one request without header or body
 * to the broker of {@code -b}, or to every address (masters and slaves) of the cluster of {@code -c}, or of every
 * cluster when neither is given; prints {@code success} or {@code false} (no newline), the result of the last
 * broker, as RocketMQ 4.9.7 does. Stateless.
 */
abstract class StoreMaintenanceCommand implements SubCommand {
    /** The admin call for one broker address. */
    interface Call {
        boolean run(DefaultMQAdminExt admin, String addr) throws Exception;
    }

    private final String name;
    private final String desc;
    private final String brokerLongOpt;
    private final Call call;

    StoreMaintenanceCommand(String name, String desc, String brokerLongOpt, Call call) {
        this.name = name;
        this.desc = desc;
        this.brokerLongOpt = brokerLongOpt;
        this.call = call;
    }

    @Override
    public String commandName() {
        return name;
    }

    @Override
    public String commandDesc() {
        return desc;
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "b", brokerLongOpt, "Broker address", false);
        CliOptions.arg(options, "c", "cluster", "clustername", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        List<String> addrs = new ArrayList<>();
        if (line.hasOption('b')) {
            addrs.add(CliOptions.value(line, "b"));
        } else {
            ClusterInfo info = admin.examineBrokerClusterInfo();
            if (line.hasOption('c')) {
                addrs.addAll(ClusterAddresses.mastersAndSlaves(info, CliOptions.value(line, "c")));
            } else {
                for (String cluster : info.getClusterAddrTable().keySet()) {
                    addrs.addAll(ClusterAddresses.mastersAndSlaves(info, cluster));
                }
            }
        }
        boolean result = false;
        for (String addr : addrs) {
            result = call.run(admin, addr);
        }
        ctx.out().print(result ? "success" : "false");
        ctx.out().flush();
    }
}
