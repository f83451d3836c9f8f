package org.mercurymq.tools.command.cluster;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code clusterList [-m]}: every broker of every cluster with its version, TPS, queue backlog, hours of stored
 * messages and disk use (runtime keys of docs/protocol/behaviour.md §13); with -m the message totals of yesterday and today.
 */
public class ClusterListSubCommand implements SubCommand {
    static final String BASE_HEADER = "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s%n";
    static final String MORE_HEADER = "%-16s  %-32s %14s %14s %14s %14s%n";
    static final String MORE_ROW = "%-16s  %-32s %14d %14d %14d %14d%n";

    @Override
    public String commandName() {
        return "clusterList";
    }

    @Override
    public String commandDesc() {
        return "List all of clusters";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.flag(options, "m", "moreStats", "Print more stats");
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        ClusterInfo info = admin.examineBrokerClusterInfo();
        PrintStream out = ctx.out();
        boolean more = line.hasOption('m');
        if (more) {
            out.printf(MORE_HEADER, "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest", "#InTotalToday",
                "#OutTotalToday");
        } else {
            out.printf(BASE_HEADER, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)",
                "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour", "#SPACE");
        }
        for (Map.Entry<String, ? extends java.util.Set<String>> cluster : info.getClusterAddrTable().entrySet()) {
            for (String brokerName : new TreeSet<>(cluster.getValue())) {
                BrokerData bd = info.getBrokerAddrTable().get(brokerName);
                if (bd == null) {
                    continue;
                }
                for (Map.Entry<Long, String> addr : bd.getBrokerAddrs().entrySet()) {
                    RuntimeStats stats = RuntimeStats.fetch(admin, addr.getValue());
                    if (more) {
                        out.printf(MORE_ROW, cluster.getKey(), brokerName, stats.inTotalYesterday(), stats.outTotalYesterday(),
                            stats.inTotalToday(), stats.outTotalToday());
                    } else {
                        out.print(baseRow(cluster.getKey(), brokerName, addr.getKey(), addr.getValue(), stats,
                            System.currentTimeMillis()));
                    }
                }
            }
        }
    }

    /** One broker's line of the default table. */
    static String baseRow(String cluster, String brokerName, long brokerId, String addr, RuntimeStats s, long nowMillis) {
        String in = String.format("%9.2f(%s,%sms)", s.inTps(), s.value("sendThreadPoolQueueSize"),
            s.value("sendThreadPoolQueueHeadWaitTimeMills"));
        String out = String.format("%9.2f(%s,%sms)", s.outTps(), s.value("pullThreadPoolQueueSize"),
            s.value("pullThreadPoolQueueHeadWaitTimeMills"));
        return String.format("%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %-6s%n", cluster, brokerName, brokerId,
            addr, s.version(), in, out, s.value("pageCacheLockTimeMills"), String.format("%2.2f", s.hours(nowMillis)),
            String.format("%.4f", s.diskRatio()));
    }
}
