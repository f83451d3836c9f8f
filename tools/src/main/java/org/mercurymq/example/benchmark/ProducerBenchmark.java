package org.mercurymq.example.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The send loop of the producer benchmark, independent of the client library: {@code threads} threads
 * each send synchronously as fast as they can for {@code durationSeconds}, a reporter prints every
 * {@code reportSeconds}. Not thread-safe (run once).
 */
public final class ProducerBenchmark {
    /** One synchronous send of {@code body}; throws on failure. */
    public interface Sender {
        void send(byte[] body) throws Exception;
    }

    private final int threads;
    private final int messageSize;
    private final int durationSeconds;
    private final int reportSeconds;

    public ProducerBenchmark(int threads, int messageSize, int durationSeconds, int reportSeconds) {
        this.threads = threads;
        this.messageSize = messageSize;
        this.durationSeconds = durationSeconds;
        this.reportSeconds = reportSeconds;
    }

    static byte[] body(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    /** Runs to the end of the duration and returns the statistics (after printing the summary). */
    public BenchmarkStats run(String label, Sender sender, PrintStream out) throws InterruptedException {
        final BenchmarkStats stats = new BenchmarkStats(label);
        final byte[] body = body(messageSize);
        final AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    long begin = System.nanoTime();
                    try {
                        sender.send(body);
                        stats.success((System.nanoTime() - begin) / 1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        if (stats.failure() <= 5) {
                            out.printf("send failed: %s%n", e);
                        }
                    }
                }
            }, "BenchmarkSender-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "BenchmarkReporter");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleAtFixedRate(() -> stats.report(out), reportSeconds, reportSeconds, TimeUnit.SECONDS);
        workers.forEach(Thread::start);
        Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
        running.set(false);
        for (Thread t : workers) {
            t.join(10_000);
        }
        reporter.shutdownNow();
        stats.summary(out);
        return stats;
    }
}
