package org.mercurymq.store.dispatch;

import java.nio.ByteBuffer;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.store.MessageArrivingListener;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.commitlog.RecordReader;
import org.mercurymq.store.index.IndexService;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.mercurymq.store.recovery.HoleFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single dispatcher thread: reads commit-log records from {@code reputFromOffset} up to the readable
 * end, writes their consume-queue entries and index keys, then tells the arriving-message listener.
 * Woken by every append; re-dispatching already written records is harmless (both targets skip them).
 * Thread-safe.
 */
public final class ReputMessageService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(ReputMessageService.class);

    private final CommitLog commitLog;
    private final RecordReader reader;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService indexService;
    private final MessageArrivingListener listener;
    private final StoreState state;
    private final HoleFinder holeFinder;
    private volatile long reputFromOffset;
    private volatile long lastDispatchedStoreTimestamp;

    /** {@code indexService} and {@code listener} may be null (index disabled, no long polling). */
    public ReputMessageService(CommitLog commitLog, RecordReader reader, ConsumeQueueTable consumeQueues,
                               IndexService indexService, MessageArrivingListener listener, StoreState state) {
        this.commitLog = commitLog;
        this.reader = reader;
        this.consumeQueues = consumeQueues;
        this.indexService = indexService;
        this.listener = listener;
        this.state = state;
        this.holeFinder = new HoleFinder(reader);
    }

    @Override
    public String getServiceName() {
        return "ReputMessageService";
    }

    public void setReputFromOffset(long reputFromOffset) {
        this.reputFromOffset = reputFromOffset;
    }

    public long getReputFromOffset() {
        return reputFromOffset;
    }

    /** Store time of the newest record dispatched (for the checkpoint's logics time). */
    public long getLastDispatchedStoreTimestamp() {
        return lastDispatchedStoreTimestamp;
    }

    /** Commit-log bytes not yet dispatched. */
    public long behind() {
        return Math.max(0, commitLog.getMaxOffset() - reputFromOffset);
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(1);
            doReputSafely();
        }
        doReputSafely();
    }

    private void doReputSafely() {
        try {
            doReput();
        } catch (RuntimeException e) {
            LOG.error("dispatch failed at commit-log offset {}; the store refuses writes", reputFromOffset, e);
            state.markLogicsError("dispatch failed at " + reputFromOffset + ": " + e);
            waitForRunning(1000);
        }
    }

    /** Dispatches everything readable now. */
    public void doReput() {
        while (reputFromOffset < commitLog.getMaxOffset()) {
            long min = commitLog.getMinOffset();
            if (reputFromOffset < min) {
                LOG.warn("dispatch offset {} is below the commit-log min {}, jumping", reputFromOffset, min);
                reputFromOffset = min;
            }
            SelectMappedBufferResult data = commitLog.getData(reputFromOffset);
            if (data == null) {
                return;
            }
            try {
                if (!dispatchBuffer(data.getByteBuffer())) {
                    return;
                }
            } finally {
                data.release();
            }
        }
    }

    /** Returns false when dispatch must stop (invalid bytes). */
    private boolean dispatchBuffer(ByteBuffer buf) {
        while (buf.hasRemaining()) {
            long offset = reputFromOffset;
            DispatchRequest req = reader.read(buf, offset, false);
            if (req.isSuccess() && req.getMsgSize() > 0) {
                dispatch(req);
                reputFromOffset = offset + req.getMsgSize();
            } else if (req.isSuccess()) {
                reputFromOffset = commitLog.rollNextFile(offset);
                return true;
            } else if (skipHole(offset)) {
                return true;
            } else {
                LOG.error("invalid record in the readable commit log at offset {}; dispatch stops there", offset);
                state.markLogicsError("invalid commit-log record at " + offset);
                return false;
            }
        }
        return true;
    }

    /** Jumps over invalid bytes followed by a valid record (a hole, docs/store.md "Holes"); false if none. */
    private boolean skipHole(long offset) {
        HoleFinder.Hole hole = holeFinder.find(commitLog.getMappedFileQueue().getMappedFiles(), offset,
            commitLog.getMaxOffset());
        if (hole.resumeAt() < 0) {
            return false;
        }
        LOG.warn("dispatch skips a commit-log hole of {} bytes at [{}, {})", hole.length(), offset, hole.resumeAt());
        reputFromOffset = hole.resumeAt();
        return true;
    }

    private void dispatch(DispatchRequest req) {
        if (!consumeQueues.dispatch(req)) {
            state.markLogicsError("cannot write consume queue " + req.getTopic() + "-" + req.getQueueId());
            throw new IllegalStateException("consume queue " + req.getTopic() + "-" + req.getQueueId()
                + " could not create a segment");
        }
        if (indexService != null) {
            indexService.buildIndex(req);
        }
        lastDispatchedStoreTimestamp = req.getStoreTimestamp();
        if (listener != null) {
            listener.arriving(req.getTopic(), req.getQueueId(), req.getConsumeQueueOffset() + 1, req.getTagsCode(),
                req.getStoreTimestamp(), null, req.getPropertiesMap());
        }
    }
}
