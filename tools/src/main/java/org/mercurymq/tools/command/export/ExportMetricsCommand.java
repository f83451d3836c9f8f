package org.mercurymq.tools.command.export;

import com.alibaba.fastjson2.JSONObject;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.MQVersion;
import org.mercurymq.remoting.protocol.body.BrokerStatsData;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.stats.StatsAllSubCommand;

/**
 * {@code exportMetrics -c cluster [-f dir]}, as RocketMQ 4.9.7's (docs/mqadmin.md): writes {@code metrics.json}
 * with, per master (by broker name), its runtime environment, quota (disk ratios, TPS, one-day counts, average
 * message size, user topic and group counts) and the versions of the clients of its user groups, plus the
 * cluster totals of TPS and one-day counts. Stateless.
 */
public class ExportMetricsCommand implements SubCommand {
    private static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    private static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    private static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";

    @Override
    public String commandName() {
        return "exportMetrics";
    }

    @Override
    public String commandDesc() {
        return "export metrics";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "c", "clusterName", "choose a cluster to export", true);
        CliOptions.arg(options, "f", "filePath", "export metrics.json path | default /tmp/rocketmq/export", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        String dir = line.hasOption('f') ? CliOptions.value(line, "f") : ExportFiles.DEFAULT_DIR;
        Map<String, Double> totalTps = new TreeMap<>();
        for (String key : new String[] {"totalNormalInTps", "totalNormalOutTps", "totalTransInTps",
            "totalScheduleInTps"}) {
            totalTps.put(key, 0.0);
        }
        Map<String, Long> totalOneDay = new TreeMap<>();
        for (String key : new String[] {"normalOneDayInNum", "normalOneDayOutNum", "transOneDayInNum",
            "scheduleOneDayInNum"}) {
            totalOneDay.put(key, 0L);
        }
        Map<String, Object> report = new TreeMap<>();
        for (BrokerData bd : ClusterAddresses.brokersOf(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            String master = bd.getBrokerAddrs().get(BrokerConstants.MASTER_ID);
            if (master == null) {
                continue;
            }
            Map<String, String> runtime = admin.fetchBrokerRuntimeStats(master).getTable();
            Properties config = admin.getBrokerConfig(master);
            JSONObject groups = ExportMetadataCommand.userGroups(admin, master).getJSONObject("subscriptionGroupTable");
            Map<String, Object> broker = new TreeMap<>();
            broker.put("runtimeEnv", runtimeEnv(runtime, config));
            broker.put("runtimeQuota", runtimeQuota(admin, master, runtime, groups, totalTps, totalOneDay));
            broker.put("runtimeVersion", runtimeVersion(admin, groups));
            report.put(bd.getBrokerName(), broker);
        }
        Map<String, Object> totals = new TreeMap<>();
        totals.put("totalTps", totalTps);
        totals.put("totalOneDayNum", totalOneDay);
        Map<String, Object> result = new TreeMap<>();
        result.put("evaluateReport", report);
        result.put("totalData", totals);
        String file = dir + "/metrics.json";
        ExportFiles.writeJson(file, result);
        ctx.out().printf("export %s success", file);
        ctx.out().flush();
    }

    /** cpuNum is the broker's clientCallbackExecutorThreads (its default is the core count), as RocketMQ reports. */
    private static Map<String, Object> runtimeEnv(Map<String, String> runtime, Properties config) {
        Map<String, Object> env = new TreeMap<>();
        putIfPresent(env, "cpuNum", config.getProperty("clientCallbackExecutorThreads"));
        putIfPresent(env, "totalMemKBytes", runtime.get("totalMemKBytes"));
        return env;
    }

    private static Map<String, Object> runtimeQuota(DefaultMQAdminExt admin, String addr, Map<String, String> runtime,
        JSONObject groups, Map<String, Double> totalTps, Map<String, Long> totalOneDay) throws Exception {
        int topicSize = sizeOf(ExportMetadataCommand.userTopics(admin, addr, false).getJSONObject("topicConfigTable"));
        BrokerStatsData trans = putNums(admin, addr, TRANS_HALF_TOPIC);
        BrokerStatsData schedule = putNums(admin, addr, SCHEDULE_TOPIC);

        Map<String, Object> diskRatio = new TreeMap<>();
        putIfPresent(diskRatio, "commitLogDiskRatio", runtime.get("commitLogDiskRatio"));
        putIfPresent(diskRatio, "consumeQueueDiskRatio", runtime.get("consumeQueueDiskRatio"));

        // putTps / getTransferedTps are "10s 1min 10min" triples: the first (10-second) value is reported.
        double normalIn = firstNumber(runtime.get("putTps"));
        double normalOut = firstNumber(runtime.get("getTransferedTps"));
        double transIn = trans == null ? 0 : trans.getStatsMinute().getTps();
        double scheduleIn = schedule == null ? 0 : schedule.getStatsMinute().getTps();
        long transDay = trans == null ? 0 : StatsAllSubCommand.sum24Hour(trans);
        long scheduleDay = schedule == null ? 0 : StatsAllSubCommand.sum24Hour(schedule);
        Map<String, Object> tps = new TreeMap<>();
        tps.put("normalInTps", normalIn);
        tps.put("normalOutTps", normalOut);
        tps.put("transInTps", transIn);
        tps.put("scheduleInTps", scheduleIn);

        long normalInDay = Long.parseLong(runtime.get("msgPutTotalTodayMorning"))
            - Long.parseLong(runtime.get("msgPutTotalYesterdayMorning"));
        long normalOutDay = Long.parseLong(runtime.get("msgGetTotalTodayMorning"))
            - Long.parseLong(runtime.get("msgGetTotalYesterdayMorning"));
        Map<String, Object> oneDay = new TreeMap<>();
        oneDay.put("normalOneDayInNum", normalInDay);
        oneDay.put("normalOneDayOutNum", normalOutDay);
        oneDay.put("transOneDayInNum", transDay);
        oneDay.put("scheduleOneDayInNum", scheduleDay);

        totalTps.merge("totalNormalInTps", normalIn, Double::sum);
        totalTps.merge("totalNormalOutTps", normalOut, Double::sum);
        totalTps.merge("totalTransInTps", transIn, Double::sum);
        totalTps.merge("totalScheduleInTps", scheduleIn, Double::sum);
        totalOneDay.merge("normalOneDayInNum", normalInDay, Long::sum);
        totalOneDay.merge("normalOneDayOutNum", normalOutDay, Long::sum);
        totalOneDay.merge("transOneDayInNum", transDay, Long::sum);
        totalOneDay.merge("scheduleOneDayInNum", scheduleDay, Long::sum);

        Map<String, Object> quota = new TreeMap<>();
        quota.put("diskRatio", diskRatio);
        quota.put("tps", tps);
        quota.put("oneDayNum", oneDay);
        putIfPresent(quota, "messageAverageSize", runtime.get("putMessageAverageSize"));
        quota.put("topicSize", topicSize);
        quota.put("groupSize", sizeOf(groups));
        return quota;
    }

    /** The "LANGUAGE%version" of every client connected to one of the user groups; a group without one is skipped. */
    private static Map<String, Object> runtimeVersion(DefaultMQAdminExt admin, JSONObject groups) throws Exception {
        TreeSet<String> clients = new TreeSet<>();
        for (String group : groups == null ? java.util.Set.<String>of() : groups.keySet()) {
            ConsumerConnection cc;
            try {
                cc = admin.examineConsumerConnectionInfo(group);
            } catch (Exception e) {
                continue; // no online consumer: RocketMQ's tool skips the group too
            }
            for (Connection c : cc.getConnectionSet()) {
                clients.add(c.getLanguage() + "%" + MQVersion.getVersionDesc(c.getVersion()));
            }
        }
        Map<String, Object> version = new TreeMap<>();
        version.put("rocketmqVersion", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        version.put("clientInfo", clients);
        return version;
    }

    /** The broker's TOPIC_PUT_NUMS item for a topic, or null when the broker has none (never written). */
    private static BrokerStatsData putNums(DefaultMQAdminExt admin, String addr, String topic) throws Exception {
        try {
            return admin.viewBrokerStatsData(addr, TOPIC_PUT_NUMS, topic);
        } catch (MQAdminException e) {
            return null;
        }
    }

    private static double firstNumber(String triple) {
        String[] parts = triple.split(" ");
        return parts.length > 0 ? Double.parseDouble(parts[0]) : 0;
    }

    private static int sizeOf(JSONObject table) {
        return table == null ? 0 : table.size();
    }

    // A null value is left out, as RocketMQ's JSON writer leaves it out.
    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
