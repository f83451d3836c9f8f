import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Synchronous-send latency with the official 4.9.7 producer, for what the official benchmark tool does not print:
 * percentiles. THREADS threads each loop {@code producer.send(msg)} of a SIZE-byte body for WARMUP + SECONDS seconds;
 * every send's latency (System.nanoTime around the call) goes to an HdrHistogram Recorder, and only the sends that
 * complete after the warm-up count. Prints one line: tps, mean, p50, p90, p99, p99.9 and max in ms, failures.
 * Single-file program (java 17): {@code java -cp <rocketmq-client 4.9.7 + HdrHistogram> SendLatency.java
 * NAMESRV TOPIC THREADS SIZE WARMUP SECONDS}; test/bench/latency-vs-apache.sh runs it.
 */
public class SendLatency {
    public static void main(String[] args) throws Exception {
        String namesrv = args[0];
        String topic = args[1];
        int threads = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
        long measureNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));

        DefaultMQProducer producer = new DefaultMQProducer("latency_pg_" + System.nanoTime());
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("latency-" + ProcessHandle.current().pid());
        producer.setSendMsgTimeout(10_000);
        producer.start();
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'x');

        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        System.out.println("ready");
        System.out.flush();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                Message msg = new Message(topic, body);
                // each sender stops at the window's end by itself: the main thread only joins them
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        SendResult r = producer.send(msg);
                        ok = r.getSendStatus() == SendStatus.SEND_OK;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (ok) {
                            recorder.recordValue(t1 - t0);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }
            }, "sender-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        Histogram h = recorder.getIntervalHistogram();
        double seconds = measureNanos / 1e9;
        System.out.printf("threads=%d size=%d sends=%d tps=%.0f mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
                + "p999_ms=%.3f max_ms=%.3f failures=%d%n", threads, size, h.getTotalCount(), h.getTotalCount() / seconds,
            h.getMean() / 1e6, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
            h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6, failures.get());
        producer.shutdown();
        System.exit(0);
    }
}
