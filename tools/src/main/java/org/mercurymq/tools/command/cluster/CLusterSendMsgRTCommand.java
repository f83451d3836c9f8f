package org.mercurymq.tools.command.cluster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code clusterRT [-c cluster] [-a 100] [-s 128] [-i 10] [-p false] [-m noname]}: every interval, sends {@code amount}
 * messages to each broker's own topic (named like the broker) and prints the average send time per broker. Runs
 * until stopped (Ctrl-C), as RocketMQ's does; an interrupt ends it cleanly.
 */
public class CLusterSendMsgRTCommand implements SubCommand {
    @Override
    public String commandName() {
        return "clusterRT";
    }

    @Override
    public String commandDesc() {
        return "List All clusters Message Send RT";
    }

    @Override
    public Options buildOptions(Options options) {
        // long names with spaces are RocketMQ's: only the short forms work there too
        CliOptions.arg(options, "a", "amount", "message amount | default 100", false);
        CliOptions.arg(options, "s", "size", "message size | default 128 Byte", false);
        CliOptions.arg(options, "c", "cluster", "cluster name | default display all cluster", false);
        CliOptions.arg(options, "p", "print log", "print as tlog | default false", false);
        CliOptions.arg(options, "m", "machine room", "machine room name | default noname", false);
        CliOptions.arg(options, "i", "interval", "print interval | default 10 seconds", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        ClusterInfo info = ctx.admin().examineBrokerClusterInfo();
        Map<String, Set<String>> clusters = info.getClusterAddrTable();
        long amount = CliOptions.longValue(line, "a", 100);
        long size = CliOptions.longValue(line, "s", 128);
        long interval = CliOptions.longValue(line, "i", 10);
        boolean tlog = line.hasOption('p') && Boolean.parseBoolean(CliOptions.value(line, "p"));
        String room = line.hasOption('m') ? CliOptions.value(line, "m") : "noname";
        Set<String> names;
        if (line.hasOption('c')) {
            names = new TreeSet<>();
            names.add(CliOptions.value(line, "c"));
        } else {
            names = clusters.keySet();
        }
        if (!tlog) {
            ctx.out().printf("%-24s  %-24s  %-4s  %-8s  %-8s%n", "#Cluster Name", "#Broker Name", "#RT", "#successCount",
                "#failCount");
        }
        byte[] body = repeat('a', size).getBytes(StandardCharsets.UTF_8);
        DefaultMQProducer producer = ToolClients.producer(ctx, Long.toString(System.currentTimeMillis()), false);
        producer.start();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (String cluster : names) {
                    Set<String> brokers = clusters.get(cluster);
                    if (brokers == null) {
                        ctx.out().printf("cluster [%s] not exist", cluster);
                        break;
                    }
                    for (String broker : brokers) {
                        round(producer, new Message(broker, body), amount, cluster, broker, tlog, room, ctx);
                    }
                }
                ctx.out().flush();
                Thread.sleep(interval * 1000);
            }
        } finally {
            producer.shutdown();
        }
    }

    private static void round(DefaultMQProducer producer, Message msg, long amount, String cluster, String broker,
                              boolean tlog, String room, CommandContext ctx) throws InterruptedException {
        long elapsed = 0;
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < amount; i++) {
            long start = System.currentTimeMillis();
            try {
                producer.send(msg);
                ok++;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failed++;
            }
            if (i != 0) {
                elapsed += System.currentTimeMillis() - start;
            }
        }
        double rt = (double) elapsed / (amount - 1);
        if (!tlog) {
            ctx.out().printf("%-24s  %-24s  %-8s  %-16s  %-16s%n", cluster, broker, String.format("%.2f", rt), ok, failed);
        } else {
            ctx.out().printf("%s", String.format("%s|%s|%s|%s|%s%n", chinaTime(), room, cluster, broker,
                new BigDecimal(rt).setScale(0, RoundingMode.HALF_UP)));
        }
    }

    /** RocketMQ's tlog lines carry the time in GMT+8. */
    private static String chinaTime() {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        f.setTimeZone(TimeZone.getTimeZone("GMT+8"));
        return f.format(new Date());
    }

    private static String repeat(char c, long n) {
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb.toString();
    }
}
