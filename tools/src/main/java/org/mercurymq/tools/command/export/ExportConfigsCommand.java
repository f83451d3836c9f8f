package org.mercurymq.tools.command.export;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/**
 * {@code exportConfigs -c cluster [-f dir]}, as RocketMQ 4.9.7's (docs/mqadmin.md): writes {@code configs.json}
 * with 16 configuration keys of every master (by broker name) and the cluster's scale (name servers, masters,
 * slaves). Stateless.
 */
public class ExportConfigsCommand implements SubCommand {
    /** The keys RocketMQ's tool exports; a broker without one of them is an error there too. */
    static final List<String> KEYS = Arrays.asList("brokerClusterName", "brokerId", "brokerName", "brokerRole",
        "fileReservedTime", "filterServerNums", "flushDiskType", "maxMessageSize", "messageDelayLevel",
        "msgTraceTopicName", "slaveReadEnable", "traceOn", "traceTopicEnable", "useTLS", "autoCreateTopicEnable",
        "autoCreateSubscriptionGroup");

    @Override
    public String commandName() {
        return "exportConfigs";
    }

    @Override
    public String commandDesc() {
        return "export configs";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "c", "clusterName", "choose a cluster to export", true);
        CliOptions.arg(options, "f", "filePath", "export configs.json path | default /tmp/rocketmq/export", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        String dir = line.hasOption('f') ? CliOptions.value(line, "f") : ExportFiles.DEFAULT_DIR;
        int masters = 0;
        int slaves = 0;
        Map<String, Map<String, String>> brokerConfigs = new TreeMap<>();
        for (BrokerData bd : ClusterAddresses.brokersOf(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            String master = bd.getBrokerAddrs().get(BrokerConstants.MASTER_ID);
            if (master == null) {
                continue;
            }
            masters++;
            slaves += bd.getBrokerAddrs().size() - 1;
            Properties all = admin.getBrokerConfig(master);
            Map<String, String> picked = new TreeMap<>();
            for (String key : KEYS) {
                String value = all.getProperty(key);
                if (value == null) {
                    throw new SubCommandException("broker " + master + " did not report config key " + key);
                }
                picked.put(key, value);
            }
            brokerConfigs.put(all.getProperty("brokerName"), picked);
        }
        Map<String, Integer> scale = new TreeMap<>();
        scale.put("namesrvSize", admin.getNameServerAddressList().size());
        scale.put("masterBrokerSize", masters);
        scale.put("slaveBrokerSize", slaves);
        Map<String, Object> result = new TreeMap<>();
        result.put("brokerConfigs", brokerConfigs);
        result.put("clusterScale", scale);
        String file = dir + "/configs.json";
        ExportFiles.writeJson(file, result);
        ctx.out().printf("export %s success", file);
        ctx.out().flush();
    }
}
