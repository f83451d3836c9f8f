package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageExt;

/**
 * Kills a writing child JVM with SIGKILL at random moments, many times, and checks after each restart
 * that every acknowledged message is readable with its content, that queue offsets are monotonic and
 * that the consume queues agree with the commit log.
 */
class CrashRecoveryTest {
    private static final int CYCLES = 15;
    private static final long TIME_BUDGET_MS = 70_000;

    @TempDir
    Path dir;

    /** seq -> {commitLogOffset, queueId, queueOffset} of every acknowledged put. */
    private final TreeMap<Long, long[]> acked = new TreeMap<>();

    @Test
    void acknowledgedMessagesSurviveRandomKills() throws Exception {
        Random random = new Random(20261121);
        long deadline = System.currentTimeMillis() + TIME_BUDGET_MS;
        long nextSeq = 0;
        int cycles = 0;
        while (cycles < CYCLES && (cycles < 5 || System.currentTimeMillis() < deadline)) {
            String flushType = cycles % 3 == 2 ? "SYNC_FLUSH" : "ASYNC_FLUSH";
            int killAfterAcks = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(400);
            nextSeq = runChildUntilKilled(nextSeq, flushType, killAfterAcks, random) + 1;
            verify();
            cycles++;
        }
        assertTrue(acked.size() > 100, "enough acknowledged messages to mean something: " + acked.size());
    }

    /** Returns the highest sequence number acknowledged so far (or startSeq - 1). */
    private long runChildUntilKilled(long startSeq, String flushType, int killAfterAcks, Random random)
        throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), dir.toString(),
            String.valueOf(startSeq), flushType);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        Map<Long, long[]> seen = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        Thread reader = new Thread(() -> readAcks(child, seen, acks), "crash-child-reader");
        reader.setDaemon(true);
        reader.start();
        if (killAfterAcks == 0) {
            // a random moment during start-up and recovery
            child.waitFor(100 + random.nextInt(600), TimeUnit.MILLISECONDS);
        } else {
            Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> acks.get() >= killAfterAcks || !child.isAlive());
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exited");
        reader.join(10_000);
        acked.putAll(seen);
        long maxSeq = startSeq - 1;
        for (long seq : seen.keySet()) {
            maxSeq = Math.max(maxSeq, seq);
        }
        return maxSeq;
    }

    private static void readAcks(Process child, Map<Long, long[]> seen, AtomicInteger acks) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ") && line.endsWith(" END")) {
                    String[] p = line.split(" ");
                    seen.put(Long.parseLong(p[1]),
                        new long[] {Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4])});
                    acks.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the stream closes when the child is killed
        }
    }

    private void verify() {
        DefaultMessageStore store = new DefaultMessageStore(CrashWriterMain.config(dir, "ASYNC_FLUSH"),
            Clock.systemUTC(), null);
        store.load();
        store.start();
        try {
            for (var e : acked.entrySet()) {
                long seq = e.getKey();
                long[] where = e.getValue();
                MessageExt m = store.lookMessageByOffset(where[0]);
                assertNotNull(m, "acknowledged message " + seq + " at " + where[0] + " is readable");
                assertArrayEquals(CrashWriterMain.body(seq), m.getBody(), "content of message " + seq);
                assertEquals(where[1], m.getQueueId());
                assertEquals(where[2], m.getQueueOffset());
                assertEquals(where[0], store.getCommitLogOffsetInQueue(CrashWriterMain.TOPIC, (int) where[1], where[2]),
                    "consume queue entry of message " + seq);
            }
            for (int q = 0; q < CrashWriterMain.QUEUES; q++) {
                long max = store.getMaxOffsetInQueue(CrashWriterMain.TOPIC, q);
                long previous = -1;
                List<Long> seen = new ArrayList<>();
                for (long i = store.getMinOffsetInQueue(CrashWriterMain.TOPIC, q); i < max; i++) {
                    long offset = store.getCommitLogOffsetInQueue(CrashWriterMain.TOPIC, q, i);
                    assertTrue(offset > previous, "commit-log offsets increase along queue " + q + " at " + i);
                    previous = offset;
                    MessageExt m = store.lookMessageByOffset(offset);
                    assertNotNull(m, "entry " + i + " of queue " + q + " points at a record");
                    assertEquals(q, m.getQueueId());
                    assertEquals(i, m.getQueueOffset());
                    seen.add(offset);
                }
                assertEquals(max - store.getMinOffsetInQueue(CrashWriterMain.TOPIC, q), seen.size());
            }
            assertEquals(0, store.dispatchBehindBytes());
        } finally {
            store.shutdown();
        }
    }
}
