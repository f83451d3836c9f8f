package org.mercurymq.store.commitlog;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.mercurymq.store.recovery.StoreCheckpoint;

/**
 * SYNC_FLUSH: writers queue a request for their end offset; this thread swaps the queue, forces once for
 * the whole batch and completes every request the force covered. Forcing per message caps a disk at a
 * few hundred puts per second; one force per batch scales with the number of writers. The caller bounds
 * the wait by syncFlushTimeout and then answers FLUSH_DISK_TIMEOUT (the message stays stored).
 * Thread-safe.
 */
final class GroupCommitService extends ServiceThread implements CommitLogFlusher {
    private final MappedFileQueue queue;
    private final StoreCheckpoint checkpoint;
    private final StorageFaults faults;
    private final Object lock = new Object();
    private List<Request> requestsWrite = new ArrayList<>();
    private List<Request> requestsRead = new ArrayList<>();

    GroupCommitService(MappedFileQueue queue, StoreCheckpoint checkpoint, StorageFaults faults, LongSupplier clock) {
        super(clock, faults);
        this.queue = queue;
        this.checkpoint = checkpoint;
        this.faults = faults;
    }

    @Override
    public String getServiceName() {
        return "GroupCommitService";
    }

    @Override
    public CompletableFuture<PutMessageStatus> onAppended(long nextOffset, boolean waitStoreMsgOK) {
        if (!waitStoreMsgOK) {
            wakeup();
            return CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);
        }
        Request request = new Request(nextOffset);
        synchronized (lock) {
            requestsWrite.add(request);
        }
        wakeup();
        return request.future;
    }

    @Override
    protected void onWaitEnd() {
        synchronized (lock) {
            List<Request> tmp = requestsWrite;
            requestsWrite = requestsRead;
            requestsRead = tmp;
        }
    }

    @Override
    protected long intervalMillis() {
        return 10;
    }

    @Override
    protected void doWork(long now) {
        doCommit();
    }

    @Override
    protected void onStop(long now) {
        onWaitEnd();
        doCommit();
        onWaitEnd();
        doCommit();
    }

    private void doCommit() {
        try {
            if (requestsRead.isEmpty()) {
                queue.flush(0);
            } else {
                long target = 0;
                for (Request r : requestsRead) {
                    target = Math.max(target, r.nextOffset);
                }
                for (int i = 0; i < 4 && queue.getFlushedWhere() < target; i++) {
                    queue.flush(0);
                }
                long flushed = queue.getFlushedWhere();
                for (Request r : requestsRead) {
                    r.future.complete(flushed >= r.nextOffset ? PutMessageStatus.PUT_OK
                        : PutMessageStatus.FLUSH_DISK_TIMEOUT);
                }
            }
            long ts = queue.getStoreTimestamp();
            if (ts > 0) {
                checkpoint.setPhysicMsgTimestamp(ts);
            }
        } catch (UncheckedIOException e) {
            faults.fault("commit-log flush", e);
            for (Request r : requestsRead) {
                r.future.complete(PutMessageStatus.FLUSH_DISK_TIMEOUT);
            }
        } catch (Throwable t) {
            // the thread dies with t; the waiting writers must not be left hanging until their timeout
            for (Request r : requestsRead) {
                r.future.complete(PutMessageStatus.FLUSH_DISK_TIMEOUT);
            }
            throw t;
        } finally {
            requestsRead.clear();
        }
    }

    private static final class Request {
        final long nextOffset;
        final CompletableFuture<PutMessageStatus> future = new CompletableFuture<>();

        Request(long nextOffset) {
            this.nextOffset = nextOffset;
        }
    }
}
