package org.mercurymq.tools.command.stats;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.MQVersion;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code consumerStatus -g group [-i clientId] [-b brokerAddr] [-s]}: a consumer's running info, asked through a
 * broker (GET_CONSUMER_RUNNING_INFO). With {@code -i} it prints one client's info; without, it lists the clients,
 * saves each one's info to {@code <now-ms>/<clientId>} in the working directory and checks the group.
 */
public class ConsumerStatusSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerStatus";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's internal data structure";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "g", "consumerGroup", "consumer group name", true);
        CliOptions.arg(options, "i", "clientId", "The consumer's client id", false);
        CliOptions.arg(options, "b", "brokerAddr", "broker address", false);
        CliOptions.flag(options, "s", "jstack", "Run jstack command in the consumer progress");
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        PrintStream out = ctx.out();
        String group = CliOptions.value(line, "g");
        boolean jstack = line.hasOption('s');
        if (line.hasOption('i')) {
            ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, CliOptions.value(line, "i"), jstack);
            if (info != null) {
                out.printf("%s", ConsumerRunningInfoText.format(info));
            }
            return;
        }
        String broker = CliOptions.value(line, "b");
        ConsumerConnection connections = broker != null ? admin.examineConsumerConnectionInfo(group, broker)
            : admin.examineConsumerConnectionInfo(group);
        long now = System.currentTimeMillis();
        TreeMap<String, ConsumerRunningInfo> byClient = new TreeMap<>();
        out.printf("%-10s %-40s %-20s %s%n", "#Index", "#ClientId", "#Version", "#ConsumerRunningInfoFile");
        int index = 1;
        for (Connection c : connections.getConnectionSet()) {
            try {
                ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, c.getClientId(), jstack);
                if (info == null) {
                    continue;
                }
                byClient.put(c.getClientId(), info);
                String file = now + "/" + c.getClientId();
                Path path = Path.of(file);
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.write(path, ConsumerRunningInfoText.format(info).getBytes(StandardCharsets.UTF_8));
                out.printf("%-10d %-40s %-20s %s%n", index++, c.getClientId(), MQVersion.getVersionDesc(c.getVersion()),
                    file);
            } catch (Exception e) {
                System.err.println("consumerStatus: running info of " + c.getClientId() + " failed: " + e.getMessage());
            }
        }
        if (byClient.isEmpty()) {
            return;
        }
        if (ConsumerRunningInfoText.sameSubscription(byClient, System.currentTimeMillis())) {
            out.printf("%n%nSame subscription in the same group of consumer");
            // RocketMQ's rebalance check always passes
            out.printf("%n%nRebalance %s%n", "OK");
            for (Map.Entry<String, ConsumerRunningInfo> e : byClient.entrySet()) {
                String problems = ConsumerRunningInfoText.queueProblems(e.getKey(), e.getValue(),
                    System.currentTimeMillis());
                if (!problems.isEmpty()) {
                    out.printf("%s", problems);
                }
            }
        } else {
            out.printf("%n%nWARN: Different subscription in the same group of consumer!!!");
        }
    }
}
