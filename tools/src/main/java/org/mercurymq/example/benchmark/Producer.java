package org.mercurymq.example.benchmark;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.common.message.Message;

/**
 * Producer benchmark: {@code -w} threads send {@code -s}-byte messages synchronously to {@code -t} for
 * {@code -d} seconds and print TPS and RT (avg, p50, p99, p99.9, max) every {@code -i} seconds, then a
 * summary. Example: {@code sh bin/tools.sh org.mercurymq.example.benchmark.Producer -n 127.0.0.1:9876 -w 16 -s 1024 -d 60}.
 */
public class Producer {
    public static void main(String[] args) throws Exception {
        Options options = new Options()
            .addOption("t", "topic", true, "topic, default BenchmarkTest")
            .addOption("w", "threadCount", true, "sending threads, default 64")
            .addOption("s", "messageSize", true, "message body bytes, default 128")
            .addOption("d", "duration", true, "seconds to run, default 60")
            .addOption("i", "interval", true, "seconds between reports, default 5")
            .addOption("k", "keyEnable", true, "set a key on every message, default false")
            .addOption("c", "tagCount", true, "number of distinct tags, default 0 (no tag)")
            .addOption("n", "namesrvAddr", true, "name server address list, default NAMESRV_ADDR")
            .addOption("h", "help", false, "print help");
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            System.err.println(e.getMessage());
            new HelpFormatter().printHelp("Producer", options);
            System.exit(1);
            return;
        }
        if (cl.hasOption('h')) {
            new HelpFormatter().printHelp("Producer", options);
            return;
        }
        String topic = cl.getOptionValue('t', "BenchmarkTest");
        int threads = Integer.parseInt(cl.getOptionValue('w', "64"));
        int size = Integer.parseInt(cl.getOptionValue('s', "128"));
        int duration = Integer.parseInt(cl.getOptionValue('d', "60"));
        int interval = Integer.parseInt(cl.getOptionValue('i', "5"));
        boolean keyEnable = Boolean.parseBoolean(cl.getOptionValue('k', "false"));
        int tagCount = Integer.parseInt(cl.getOptionValue('c', "0"));
        System.out.printf("topic %s threads %d messageSize %d duration %ds keyEnable %s tagCount %d%n", topic, threads, size,
            duration, keyEnable, tagCount);

        DefaultMQProducer producer = new DefaultMQProducer("benchmark_producer");
        producer.setInstanceName(Long.toString(System.nanoTime()));
        if (cl.hasOption('n')) {
            producer.setNamesrvAddr(cl.getOptionValue('n'));
        }
        producer.start();
        try {
            java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
            new ProducerBenchmark(threads, size, duration, interval).run("Send", body -> {
                Message msg = new Message(topic, body);
                long n = seq.incrementAndGet();
                if (keyEnable) {
                    msg.setKeys(String.valueOf(n));
                }
                if (tagCount > 0) {
                    msg.setTags("tag" + (n % tagCount));
                }
                SendResult r = producer.send(msg);
                if (r.getSendStatus() != SendStatus.SEND_OK) {
                    throw new IllegalStateException("stored with " + r.getSendStatus());
                }
            }, System.out);
        } finally {
            producer.shutdown();
        }
    }
}
