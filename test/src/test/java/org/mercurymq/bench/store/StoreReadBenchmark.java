package org.mercurymq.bench.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pull-path throughput: getMessage batches of 32 messages (1 KiB bodies) walking a preloaded queue,
 * i.e. consume-queue lookup plus commit-log selection, Mercury vs Apache RocketMQ 4.9.7. Operations per
 * second are batches; multiply by 32 for messages.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED"})
public class StoreReadBenchmark {
    private static final int PRELOAD = 200_000;

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"mercury", "apache"})
        public String impl;

        BenchStore store;
        long[] max = new long[BenchStore.QUEUES];

        @Setup(Level.Trial)
        public void load() throws Exception {
            store = BenchStore.open(impl, "ASYNC_FLUSH");
            byte[] body = new byte[1024];
            ThreadLocalRandom.current().nextBytes(body);
            Object[] messages = new Object[BenchStore.QUEUES];
            for (int q = 0; q < BenchStore.QUEUES; q++) {
                messages[q] = store.newMessage(q, body);
            }
            for (int i = 0; i < PRELOAD; i++) {
                store.put(messages[i % BenchStore.QUEUES]);
            }
            while (store.behind() > 0) {
                Thread.onSpinWait();
            }
            for (int q = 0; q < BenchStore.QUEUES; q++) {
                max[q] = store.maxOffset(q);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            store.close();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int queue;
        long offset;

        @Setup(Level.Trial)
        public void pick() {
            queue = ThreadLocalRandom.current().nextInt(BenchStore.QUEUES);
        }
    }

    @Benchmark
    @Threads(4)
    public long pull32(Loaded loaded, Cursor cursor) {
        long next = loaded.store.read(cursor.queue, cursor.offset);
        cursor.offset = next >= loaded.max[cursor.queue] ? 0 : next;
        return next;
    }
}
