package org.mercurymq.bench.stats;

import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the send path adds per stored message since the broker statistics exist: TOPIC_PUT_NUMS,
 * TOPIC_PUT_SIZE and BROKER_PUT_NUMS for one of 64 topics, from 2 threads (the sampler not running; it only
 * reads the adders every 10 s). Compare with the microseconds a send takes (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class BrokerStatsBenchmark {
    private static final String[] TOPICS = new String[64];

    private BrokerStatsManager stats;

    @Setup
    public void setUp() {
        for (int i = 0; i < TOPICS.length; i++) {
            TOPICS[i] = "BenchTopic" + i;
        }
        stats = new BrokerStatsManager("BenchCluster", true, () -> false, System::currentTimeMillis, ZoneOffset.UTC);
    }

    @Benchmark
    public void countPut() {
        String topic = TOPICS[ThreadLocalRandom.current().nextInt(TOPICS.length)];
        stats.incTopicPutNums(topic, 1, 1);
        stats.incTopicPutSize(topic, 1100);
        stats.incBrokerPutNums(1);
    }

    /** The same random topic choice without counting, to subtract. */
    @Benchmark
    public String baseline() {
        return TOPICS[ThreadLocalRandom.current().nextInt(TOPICS.length)];
    }
}
