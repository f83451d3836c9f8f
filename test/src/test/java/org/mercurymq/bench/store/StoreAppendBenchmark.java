package org.mercurymq.bench.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Append throughput (puts per second) of Mercury's store and Apache RocketMQ 4.9.7's, same JVM flags,
 * same segment size, bodies of 128 B / 1 KiB / 4 KiB, 1 / 4 / 16 writer threads, ASYNC and SYNC flush.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED"})
public class StoreAppendBenchmark {

    @State(Scope.Benchmark)
    public static class StoreState {
        @Param({"mercury", "apache"})
        public String impl;
        @Param({"128", "1024", "4096"})
        public int size;
        @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
        public String flush;

        BenchStore store;
        final AtomicInteger nextQueue = new AtomicInteger();

        @Setup(Level.Trial)
        public void open() throws Exception {
            store = BenchStore.open(impl, flush);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            store.close();
        }
    }

    @State(Scope.Thread)
    public static class Writer {
        Object message;

        @Setup(Level.Trial)
        public void prepare(StoreState state) {
            byte[] body = new byte[state.size];
            ThreadLocalRandom.current().nextBytes(body);
            message = state.store.newMessage(state.nextQueue.getAndIncrement() % BenchStore.QUEUES, body);
        }
    }

    private static boolean put(StoreState state, Writer writer) {
        if (!state.store.put(writer.message)) {
            throw new IllegalStateException("put failed");
        }
        return true;
    }

    @Benchmark
    @Threads(1)
    public boolean append1Thread(StoreState state, Writer writer) {
        return put(state, writer);
    }

    @Benchmark
    @Threads(4)
    public boolean append4Threads(StoreState state, Writer writer) {
        return put(state, writer);
    }

    @Benchmark
    @Threads(16)
    public boolean append16Threads(StoreState state, Writer writer) {
        return put(state, writer);
    }
}
