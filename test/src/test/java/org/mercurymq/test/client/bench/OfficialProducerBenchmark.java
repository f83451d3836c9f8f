package org.mercurymq.test.client.bench;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.mercurymq.example.benchmark.ProducerBenchmark;

/**
 * The producer benchmark loop of {@code org.mercurymq.example.benchmark.Producer} driving the official
 * Apache RocketMQ 4.9.7 producer instead of Mercury's, for side-by-side numbers (docs/benchmarks.md).
 * Usage: {@code OfficialProducerBenchmark namesrvAddr topic threads messageSize durationSeconds}.
 */
public final class OfficialProducerBenchmark {
    private OfficialProducerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        String namesrv = args[0];
        String topic = args[1];
        int threads = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        int duration = Integer.parseInt(args[4]);
        DefaultMQProducer producer = new DefaultMQProducer("benchmark_producer_official");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName(Long.toString(System.nanoTime()));
        producer.start();
        try {
            new ProducerBenchmark(threads, size, duration, 5).run("Official send", body -> {
                SendResult r = producer.send(new Message(topic, body));
                if (r.getSendStatus() != SendStatus.SEND_OK) {
                    throw new IllegalStateException("stored with " + r.getSendStatus());
                }
            }, System.out);
        } finally {
            producer.shutdown();
        }
    }
}
