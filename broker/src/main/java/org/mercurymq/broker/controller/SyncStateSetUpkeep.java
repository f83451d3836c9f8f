package org.mercurymq.broker.controller;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.store.ha.epoch.SyncStateSetTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller-mode master's SyncStateSet upkeep (docs/controller.md, "SyncStateSet"): every second it asks the
 * store's {@link SyncStateSetTracker} whether the set should change and proposes the change to the controller: an
 * expand (a slave caught up) at once, a shrink (a member disconnected or not caught up for haMaxTimeSlaveNotCatchup)
 * at most once per checkSyncStateSetPeriod, as RocketMQ 5 checks. Only an accepted change becomes the set that puts
 * wait for. Runs only while this broker is master ({@link #start}/{@link #stop} per term). Thread-safe.
 */
public final class SyncStateSetUpkeep {
    private static final Logger LOG = LoggerFactory.getLogger(SyncStateSetUpkeep.class);
    static final long PERIOD_MILLIS = 1000;

    private final Supplier<SyncStateSetTracker> trackers;
    private final Runnable onDecided;
    private final ToIntFunction<Set<Long>> propose;
    private final Supplier<ReplicaState> decided;
    private final LongSupplier clock;
    private final long shrinkPeriodMillis;
    private long lastShrinkCheck;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("SyncStateSetUpkeep", true));
    private ScheduledFuture<?> task;

    /**
     * {@code trackers}: the store's tracker of the current master term (null when not master); {@code onDecided}: the
     * store re-checks waiting puts; {@code propose} sends a proposal to the controller and returns its answer code
     * (0 accepted); {@code decided} is the group state the controller last described.
     */
    public SyncStateSetUpkeep(Supplier<SyncStateSetTracker> trackers, Runnable onDecided,
                              ToIntFunction<Set<Long>> propose, Supplier<ReplicaState> decided, LongSupplier clock,
                              long shrinkPeriodMillis) {
        this.trackers = trackers;
        this.onDecided = onDecided;
        this.propose = propose;
        this.decided = decided;
        this.clock = clock;
        this.shrinkPeriodMillis = shrinkPeriodMillis;
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
    synchronized void checkOnce() {
        SyncStateSetTracker tracker = trackers.get();
        if (tracker == null) {
            return;
        }
        ReplicaState held = decided.get();
        if (held != null && !held.syncStateSet().equals(tracker.current())) {
            tracker.onDecided(held.syncStateSet());
            onDecided.run();
        }
        Set<Long> proposal = tracker.proposal();
        if (proposal == null) {
            return;
        }
        if (!proposal.containsAll(tracker.current())) {
            long now = clock.getAsLong();
            if (now - lastShrinkCheck < shrinkPeriodMillis) {
                tracker.onDecided(tracker.current()); // withdrawn: proposed again at the next shrink check
                return;
            }
            lastShrinkCheck = now;
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
        onDecided.run();
    }
}
