package org.mercurymq.broker.longpolling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.store.MessageArrivingListener;
import org.mercurymq.store.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling (docs/protocol/behaviour.md §6): pulls that found nothing are parked under {@code topic@queueId} and
 * handed back to {@code wakeup} (which re-executes them without suspending or committing) when a new
 * message for that queue arrives and passes the filter, when the periodic check (every 5 s, or every
 * {@code shortPollingTimeMills} with short polling) sees the queue grown, or when the hold time is over.
 * The store's dispatcher calls {@link #arriving}; it only scans the small list of that one queue.
 * Parked pulls are bounded (docs/reliability.md, "Hostile input"): a {@link HeldPullBudget} caps them per
 * connection and in total, and the pulls of a closed connection are dropped, at once through
 * {@link #dropChannel} and at the latest by the next periodic check.
 * Thread-safe.
 */
public final class PullRequestHoldService extends ServiceThread implements MessageArrivingListener {
    private static final Logger LOG = LoggerFactory.getLogger(PullRequestHoldService.class);
    static final long LONG_POLLING_CHECK_MILLIS = 5000;

    /** The max offset of a queue (the store's next offset to write). */
    @FunctionalInterface
    public interface QueueMaxOffset {
        long maxOffset(String topic, int queueId);
    }

    /** topic → queue id → parked pulls; two levels so that a new message's look-up builds no key string */
    private final ConcurrentMap<String, ConcurrentMap<Integer, List<PullRequest>>> table = new ConcurrentHashMap<>(1024);
    private final QueueMaxOffset maxOffsets;
    private final Consumer<PullRequest> wakeup;
    private final LongSupplier clock;
    private final LongSupplier checkIntervalMillis;
    private final HeldPullBudget budget;

    /**
     * @param checkIntervalMillis period of the full check (5000 with long polling, shortPollingTimeMills without)
     * @param budget              caps on parked pulls per connection and in total
     */
    public PullRequestHoldService(QueueMaxOffset maxOffsets, Consumer<PullRequest> wakeup, LongSupplier clock,
                                  LongSupplier checkIntervalMillis, HeldPullBudget budget, FaultHandler faults) {
        super(clock, faults);
        this.budget = budget;
        this.maxOffsets = maxOffsets;
        this.wakeup = wakeup;
        this.clock = clock;
        this.checkIntervalMillis = checkIntervalMillis;
    }

    @Override
    public String getServiceName() {
        return "PullRequestHoldService";
    }

    /**
     * Parks {@code request}; false when the connection is closed or a cap of the budget is reached, and
     * the caller then answers the pull at once.
     */
    public boolean suspendPullRequest(String topic, int queueId, PullRequest request) {
        if (!request.channel().isActive() || !budget.tryAcquire(request.channel())) {
            return false;
        }
        List<PullRequest> list = table.computeIfAbsent(topic, t -> new ConcurrentHashMap<>(16))
            .computeIfAbsent(queueId, q -> new ArrayList<>());
        synchronized (list) {
            list.add(request);
        }
        return true;
    }

    /** Drops, without answering, every parked pull of {@code channel} (its connection closed). */
    public void dropChannel(RemotingChannel channel) {
        if (budget.held(channel) == 0) {
            return;
        }
        int dropped = 0;
        for (List<PullRequest> list : lists()) {
            synchronized (list) {
                Iterator<PullRequest> it = list.iterator();
                while (it.hasNext()) {
                    PullRequest r = it.next();
                    if (r.channel().equals(channel)) {
                        it.remove();
                        budget.release(channel);
                        dropped++;
                    }
                }
            }
        }
        if (dropped > 0) {
            LOG.info("dropped {} parked pulls of closed connection {}; {} parked in total", dropped,
                channel.remoteAddress(), budget.total());
        }
    }

    /** Number of parked pulls (tests, runtime info). */
    public int parkedCount() {
        int n = 0;
        for (List<PullRequest> list : lists()) {
            synchronized (list) {
                n += list.size();
            }
        }
        return n;
    }

    @Override
    protected long intervalMillis() {
        return checkIntervalMillis.getAsLong();
    }

    @Override
    protected void doWork(long now) {
        try {
            checkHoldRequest();
        } catch (RuntimeException e) {
            LOG.error("long-polling check failed: {}", e.toString(), e);
        }
    }

    /** Wakes every parked pull whose queue has grown or whose hold time is over. */
    public void checkHoldRequest() {
        table.forEach((topic, queues) -> queues.keySet().forEach(queueId ->
            notifyMessageArriving(topic, queueId, maxOffsets.maxOffset(topic, queueId), null, null)));
    }

    /**
     * Called by the store's dispatcher for every message: with no pull parked anywhere (a broker that only takes
     * sends) it returns at once.
     */
    @Override
    public void arriving(String topic, int queueId, long logicOffset, long tagsCode, long msgStoreTime,
                         byte[] filterBitMap, Map<String, String> properties) {
        if (budget.total() == 0) {
            return;
        }
        notifyMessageArriving(topic, queueId, logicOffset, tagsCode, properties);
    }

    private List<List<PullRequest>> lists() {
        List<List<PullRequest>> all = new ArrayList<>();
        table.values().forEach(queues -> all.addAll(queues.values()));
        return all;
    }

    /**
     * @param maxOffset the queue's max offset now
     * @param tagsCode  the new message's tags code, or null for a periodic check (no filter test)
     * @param properties the new message's properties (SQL92 filters test them), or null
     */
    public void notifyMessageArriving(String topic, int queueId, long maxOffset, Long tagsCode,
                                      Map<String, String> properties) {
        ConcurrentMap<Integer, List<PullRequest>> queues = table.get(topic);
        List<PullRequest> list = queues == null ? null : queues.get(queueId);
        if (list == null) {
            return;
        }
        List<PullRequest> ready = new ArrayList<>();
        long now = clock.getAsLong();
        synchronized (list) {
            Iterator<PullRequest> it = list.iterator();
            while (it.hasNext()) {
                PullRequest r = it.next();
                if (!r.channel().isActive()) {
                    it.remove();
                    budget.release(r.channel());
                    continue;
                }
                long newest = maxOffset;
                if (newest <= r.pullFromThisOffset()) {
                    newest = maxOffsets.maxOffset(topic, queueId);
                }
                boolean grown = newest > r.pullFromThisOffset();
                boolean matched = grown && (tagsCode == null || r.filter() == null
                    || r.filter().isMatchedByConsumeQueue(tagsCode));
                if (matched && tagsCode != null && properties != null && r.filter() != null) {
                    matched = r.filter().isMatchedByCommitLog(null, properties);
                }
                if (matched || r.isExpired(now)) {
                    it.remove();
                    budget.release(r.channel());
                    ready.add(r);
                }
            }
        }
        for (PullRequest r : ready) {
            try {
                wakeup.accept(r);
            } catch (RuntimeException e) {
                LOG.error("waking a parked pull from {} failed", r.channel().remoteAddress(), e);
            }
        }
    }

    /** Answers every parked pull now (shutdown). */
    public void wakeAll() {
        for (List<PullRequest> list : lists()) {
            List<PullRequest> all;
            synchronized (list) {
                all = new ArrayList<>(list);
                list.clear();
            }
            for (PullRequest r : all) {
                budget.release(r.channel());
            }
            for (PullRequest r : all) {
                try {
                    wakeup.accept(r);
                } catch (RuntimeException e) {
                    LOG.warn("waking a parked pull at shutdown failed: {}", e.toString());
                }
            }
        }
    }
}
