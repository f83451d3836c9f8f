package org.mercurymq.broker.controller;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.ha.epoch.SyncStateSetTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller-mode master's SyncStateSet upkeep (docs/controller.md, "SyncStateSet"): every second it asks the
 * store's {@link SyncStateSetTracker} whether the set should change (a slave caught up: expand, at most a second
 * after it did; a member disconnected or not caught up for haMaxTimeSlaveNotCatchup: shrink) and proposes the change
 * to the controller; only an accepted change becomes the set that puts wait for. Runs only while this broker is
 * master ({@link #start}/{@link #stop} per term). Thread-safe.
 */
public final class SyncStateSetUpkeep {
    private static final Logger LOG = LoggerFactory.getLogger(SyncStateSetUpkeep.class);
    static final long PERIOD_MILLIS = 1000;

    private final MessageStore store;
    private final ToIntFunction<Set<Long>> propose;
    private final Supplier<ReplicaState> decided;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("SyncStateSetUpkeep", true));
    private ScheduledFuture<?> task;

    /**
     * {@code propose} sends a proposal to the controller and returns its answer code (0 accepted); {@code decided}
     * is the group state the controller last described.
     */
    public SyncStateSetUpkeep(MessageStore store, ToIntFunction<Set<Long>> propose, Supplier<ReplicaState> decided) {
        this.store = store;
        this.propose = propose;
        this.decided = decided;
    }

    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::checkQuietly, PERIOD_MILLIS, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    public void shutdown() {
        stop();
        scheduler.shutdownNow();
    }

    private void checkQuietly() {
        try {
            checkOnce();
        } catch (RuntimeException e) {
            LOG.warn("SyncStateSet check failed: {}", e.toString());
        }
    }

    /**
     * One round: take the set the controller holds (it is authoritative: elections pick from it), propose a change
     * if the tracker wants one, and adopt the outcome.
     */
    void checkOnce() {
        SyncStateSetTracker tracker = store.syncStateSetTracker();
        if (tracker == null) {
            return;
        }
        ReplicaState held = decided.get();
        if (held != null && !held.syncStateSet().equals(tracker.current())) {
            tracker.onDecided(held.syncStateSet());
            store.onSyncStateSetDecided();
        }
        Set<Long> proposal = tracker.proposal();
        if (proposal == null) {
            return;
        }
        int code = propose.applyAsInt(proposal);
        ReplicaState after = decided.get();
        Set<Long> outcome;
        if (code == 0) {
            outcome = proposal;
        } else if (after != null) {
            outcome = after.syncStateSet();
        } else {
            outcome = tracker.current();
        }
        tracker.onDecided(outcome);
        store.onSyncStateSetDecided();
    }
}
