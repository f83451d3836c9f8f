package org.mercurymq.example.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageExt;

/**
 * Consumer benchmark: a push consumer of {@code -t} prints every {@code -i} seconds the consume TPS and the
 * store-to-consume latency (now − store timestamp; avg, p50, p99, p99.9, max), for {@code -d} seconds,
 * then a summary. Example: {@code sh bin/tools.sh org.mercurymq.example.benchmark.Consumer -n 127.0.0.1:9876 -d 60}.
 */
public class Consumer {
    public static void main(String[] args) throws Exception {
        Options options = new Options()
            .addOption("t", "topic", true, "topic, default BenchmarkTest")
            .addOption("g", "group", true, "consumer group, default benchmark_consumer")
            .addOption("e", "expression", true, "tag expression, default *")
            .addOption("w", "threadCount", true, "consume threads, default 20")
            .addOption("d", "duration", true, "seconds to run, default 60")
            .addOption("i", "interval", true, "seconds between reports, default 5")
            .addOption("n", "namesrvAddr", true, "name server address list, default NAMESRV_ADDR")
            .addOption("h", "help", false, "print help");
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            System.err.println(e.getMessage());
            new HelpFormatter().printHelp("Consumer", options);
            System.exit(1);
            return;
        }
        if (cl.hasOption('h')) {
            new HelpFormatter().printHelp("Consumer", options);
            return;
        }
        String topic = cl.getOptionValue('t', "BenchmarkTest");
        String group = cl.getOptionValue('g', "benchmark_consumer");
        int threads = Integer.parseInt(cl.getOptionValue('w', "20"));
        int duration = Integer.parseInt(cl.getOptionValue('d', "60"));
        int interval = Integer.parseInt(cl.getOptionValue('i', "5"));
        System.out.printf("topic %s group %s expression %s threads %d duration %ds%n", topic, group,
            cl.getOptionValue('e', "*"), threads, duration);

        BenchmarkStats stats = new BenchmarkStats("Consume");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setInstanceName(Long.toString(System.nanoTime()));
        if (cl.hasOption('n')) {
            consumer.setNamesrvAddr(cl.getOptionValue('n'));
        }
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        consumer.subscribe(topic, cl.getOptionValue('e', "*"));
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : msgs) {
                stats.success(Math.max(0, now - m.getStoreTimestamp()) * 1000);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "BenchmarkReporter");
            t.setDaemon(true);
            return t;
        });
        consumer.start();
        reporter.scheduleAtFixedRate(() -> stats.report(System.out), interval, interval, TimeUnit.SECONDS);
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
        } finally {
            reporter.shutdownNow();
            consumer.shutdown();
            stats.summary(System.out);
        }
    }
}
