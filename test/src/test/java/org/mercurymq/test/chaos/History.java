package org.mercurymq.test.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything that happened in one run: sends with their outcomes, deliveries in the order listeners saw
 * them, and faults. Thread-safe: producers, consumers and the nemesis record concurrently; a record is
 * appended under one lock, so the delivery list keeps each listener thread's order. {@link #dump(Path)}
 * writes the whole history sorted by time for a failed run.
 */
public final class History {
    private final Clock clock;
    private final Object lock = new Object();
    private final List<SendRecord> sends = new ArrayList<>();
    private final List<DeliveryRecord> deliveries = new ArrayList<>();
    private final List<FaultEvent> faults = new ArrayList<>();
    private final Map<String, AtomicLong> okByBroker = new ConcurrentHashMap<>();

    public History(Clock clock) {
        this.clock = clock;
    }

    public long now() {
        return clock.millis();
    }

    public void recordSend(SendRecord r) {
        synchronized (lock) {
            sends.add(r);
        }
        if (r.outcome == SendOutcome.OK && r.brokerName != null) {
            okByBroker.computeIfAbsent(r.brokerName, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** OK sends so far that went to {@code brokerName}; cheap, for progress gates between faults. */
    public long okCount(String brokerName) {
        AtomicLong n = okByBroker.get(brokerName);
        return n == null ? 0 : n.get();
    }

    public int deliveryCount() {
        synchronized (lock) {
            return deliveries.size();
        }
    }

    public void recordDelivery(DeliveryRecord r) {
        synchronized (lock) {
            deliveries.add(r);
        }
    }

    /** Records a fault (or its healing) at the current time and returns it. */
    public FaultEvent recordFault(String kind, String node, boolean injected) {
        FaultEvent e = new FaultEvent(kind, node, injected, clock.millis());
        synchronized (lock) {
            faults.add(e);
        }
        return e;
    }

    public List<SendRecord> sends() {
        synchronized (lock) {
            return new ArrayList<>(sends);
        }
    }

    public List<DeliveryRecord> deliveries() {
        synchronized (lock) {
            return new ArrayList<>(deliveries);
        }
    }

    public List<FaultEvent> faults() {
        synchronized (lock) {
            return new ArrayList<>(faults);
        }
    }

    public long countSends(SendOutcome outcome) {
        synchronized (lock) {
            return sends.stream().filter(s -> s.outcome == outcome).count();
        }
    }

    /** Writes every send, delivery and fault, ordered by time, one per line. */
    public void dump(Path file) {
        List<Object[]> lines = new ArrayList<>();
        for (SendRecord s : sends()) {
            lines.add(new Object[] {s.endMillis, s.toString()});
        }
        for (DeliveryRecord d : deliveries()) {
            lines.add(new Object[] {d.timeMillis, d.toString()});
        }
        for (FaultEvent f : faults()) {
            lines.add(new Object[] {f.timeMillis, f.toString()});
        }
        lines.sort(Comparator.comparingLong(l -> (Long) l[0]));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Object[] l : lines) {
                    w.write(l[0] + " " + l[1] + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
