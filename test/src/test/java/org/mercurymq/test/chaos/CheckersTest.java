package org.mercurymq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkers on hand-made histories: each finds what it must and nothing else. No sockets. */
class CheckersTest {
    private static final List<String> GROUPS = Arrays.asList("g1", "g2");

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000);
    private final History history = new History(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    });

    private void send(String key, SendOutcome outcome, long start, long end) {
        history.recordSend(new SendRecord(key, null, -1, "p", SendMode.SYNC, outcome, start, end,
            outcome == SendOutcome.OK ? "b" : null, null));
    }

    private void ordered(String shard, long seq, SendOutcome outcome) {
        history.recordSend(new SendRecord(shard + "-" + seq, shard, seq, "p", SendMode.ORDERED, outcome, 0, 0,
            outcome == SendOutcome.OK ? "b" : null, null));
    }

    private void deliver(String group, String key) {
        String shard = key.contains("-") ? key.substring(0, key.indexOf('-')) : null;
        history.recordDelivery(new DeliveryRecord(key, shard, 0, group, "c", true, "T", "b:0", 0, 0, now.get()));
    }

    @Test
    void forensicsTellASkippedRangeFromAMessageNoGroupHas() {
        for (int i = 0; i < 6; i++) {
            send("m" + i, SendOutcome.OK, 0, 1);
            history.recordDelivery(new DeliveryRecord("m" + i, null, -1, "g1", "c1", false, "T", "b:3", i, 0, 10 + i));
            if (i < 2 || i > 3) {
                history.recordDelivery(new DeliveryRecord("m" + i, null, -1, "g2", "c2", false, "T", "b:3", i, 0, 20 + i));
            }
        }
        send("gone", SendOutcome.OK, 0, 1);
        String text = LossForensics.explain(history, LostChecker.check(history, GROUPS));
        assertTrue(text.contains("g2 misses m2: g1 got it from T/b:3@2 at 12; g2 got from there: c2 0-1,4-5 [20..25]"), text);
        assertTrue(text.contains("g1 misses gone: no group received it"), text);
    }

    @Test
    void lostIsAnOkSendMissingFromAGroupNotAFailedOrUnknownOne() {
        send("k1", SendOutcome.OK, 0, 1);
        send("k2", SendOutcome.OK, 0, 1);
        send("k3", SendOutcome.FAILED, 0, 1);
        send("k4", SendOutcome.UNKNOWN, 0, 1);
        deliver("g1", "k1");
        deliver("g1", "k2");
        deliver("g2", "k1");
        deliver("g2", "k4");
        LostChecker.Result r = LostChecker.check(history, GROUPS);
        assertEquals(2, r.acked);
        assertEquals(1, r.lost());
        assertEquals(Arrays.asList("k2"), r.lostByGroup.get("g2"));
        assertEquals(1, r.lostOn(history, "b"));
    }

    @Test
    void duplicatesAreCountedPerGroup() {
        deliver("g1", "k1");
        deliver("g1", "k1");
        deliver("g1", "k1");
        deliver("g2", "k1");
        deliver("g2", "k2");
        DuplicateChecker.Result r = DuplicateChecker.check(history, GROUPS);
        assertEquals(2, r.duplicates);
        assertEquals(1, r.duplicatedKeys);
        assertEquals(3, r.maxDeliveries);
    }

    @Test
    void orderAcceptsRedeliveredStretchesAndRejectsALaterMessageFirst() {
        for (int i = 0; i < 4; i++) {
            ordered("s", i, i == 2 ? SendOutcome.UNKNOWN : SendOutcome.OK);
            ordered("t", i, SendOutcome.OK);
        }
        // s: 0 1 2 3, then a redelivery of 1..3: OK sends 0, 1, 3 are a subsequence
        for (String k : Arrays.asList("s-0", "s-1", "s-2", "s-3", "s-1", "s-2", "s-3")) {
            deliver("g1", k);
        }
        // t: 1 before 0 and never 0 after it
        for (String k : Arrays.asList("t-1", "t-0", "t-2", "t-3")) {
            deliver("g1", k);
        }
        OrderChecker.Result r = OrderChecker.check(history, "g1");
        assertEquals(2, r.shards);
        assertEquals(1, r.violations.size(), r.toString());
        assertTrue(r.violations.containsKey("t"));
    }

    @Test
    void orderIgnoresLostMessagesThoseAreTheLostCheckersBusiness() {
        ordered("s", 0, SendOutcome.OK);
        ordered("s", 1, SendOutcome.OK);
        ordered("s", 2, SendOutcome.OK);
        deliver("g1", "s-0");
        deliver("g1", "s-2");
        assertTrue(OrderChecker.check(history, "g1").violations.isEmpty());
    }

    @Test
    void unavailabilityRunsFromTheFirstFailureAfterAFaultToTheNextSuccess() {
        send("a", SendOutcome.OK, 0, 90);
        now.set(100);
        history.recordFault("kill9", "n", true);
        send("b", SendOutcome.UNKNOWN, 80, 3_080);
        send("c", SendOutcome.FAILED, 3_100, 3_101);
        send("d", SendOutcome.OK, 3_500, 3_600);
        now.set(10_000);
        history.recordFault("kill9", "n", true);
        // a fault no send noticed contributes no window
        send("e", SendOutcome.OK, 10_100, 10_200);
        Windows w = UnavailabilityChecker.check(history, "kill9");
        assertEquals(Arrays.asList(3_500L), w.millis());
    }

    @Test
    void recoveryRunsFromTheHealingToTheFirstOkSendStartedAfterIt() {
        now.set(1_000);
        history.recordFault("kill9", "n", true);
        now.set(5_000);
        history.recordFault("kill9", "n", false);
        send("x", SendOutcome.OK, 4_000, 5_100);
        send("y", SendOutcome.FAILED, 5_010, 5_020);
        send("z", SendOutcome.OK, 5_050, 5_250);
        assertEquals(Arrays.asList(250L), RecoveryChecker.check(history, "kill9").millis());
        assertEquals(Arrays.asList(4_000L), RecoveryChecker.downtime(history, "kill9").millis());
    }

    @Test
    void reportPrintsOneLineAndAppendsARowUnderOneHeader() throws Exception {
        send("k1", SendOutcome.OK, 0, 1);
        deliver("g1", "k1");
        deliver("g2", "k1");
        ChaosReport r = ChaosReport.builder("unit", "none", GROUPS).cycles(1).extra("x", 7).build(history);
        assertTrue(r.line().contains("lost=0 of 1 acked"), r.line());
        Path md = dir.resolve("results.md");
        r.appendMarkdownRow(md);
        r.appendMarkdownRow(md);
        List<String> lines = Files.readAllLines(md);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("| date")).count());
        assertEquals(2, lines.stream().filter(l -> l.contains("| unit |")).count());
        history.dump(dir.resolve("history.txt"));
        assertEquals(3, Files.readAllLines(dir.resolve("history.txt")).size());
    }
}
