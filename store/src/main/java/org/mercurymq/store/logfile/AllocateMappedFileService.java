package org.mercurymq.store.logfile;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preallocates the next commit-log segment in the background, so that the zero-fill of a whole segment
 * (about a second for 1 GiB) happens off the send path: each roll takes the segment prepared during the
 * previous one and asks for the one after it. When the background allocation failed or is not ready, the
 * roll allocates (or waits) on the caller's thread; an {@link OutOfSpaceException} then refuses the put.
 * Thread-safety: {@link #allocate} is called by the single writer; {@link #shutdown} by anyone.
 */
public final class AllocateMappedFileService {
    private static final Logger LOG = LoggerFactory.getLogger(AllocateMappedFileService.class);

    private final ExecutorService executor;
    private final TransientStorePool transientStorePool;
    private final long keepFreeBytes;
    private String pendingPath;
    private Future<MappedFile> pending;

    /**
     * @param keepFreeBytes space a new segment must leave free (the store's reserve for consume queues and
     *                      index, docs/store.md "Free-space checks")
     */
    public AllocateMappedFileService(TransientStorePool transientStorePool, long keepFreeBytes) {
        this.transientStorePool = transientStorePool;
        this.keepFreeBytes = keepFreeBytes;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "AllocateMappedFileService");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} died", th.getName(), e));
            return t;
        });
    }

    /**
     * The segment at {@code path}, preallocated; then starts preparing {@code nextPath} (null: none).
     * Throws {@link OutOfSpaceException} when it cannot be allocated.
     */
    public synchronized MappedFile allocate(String path, String nextPath, int size) throws IOException {
        MappedFile result = takePending(path);
        if (result == null) {
            result = create(path, size);
        }
        if (nextPath != null && !executor.isShutdown() && !new File(nextPath).exists()) {
            pendingPath = nextPath;
            pending = executor.submit(() -> prepare(nextPath, size));
        }
        return result;
    }

    private MappedFile prepare(String path, int size) throws IOException {
        long start = System.nanoTime();
        try {
            MappedFile f = create(path, size);
            LOG.info("preallocated segment {} ({} bytes) in {} ms", path, size,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return f;
        } catch (IOException e) {
            LOG.warn("background preallocation of segment {} failed: {}", path, e.getMessage());
            throw e;
        }
    }

    private MappedFile create(String path, int size) throws IOException {
        File file = new File(path);
        if (!file.exists()) {
            File dir = file.getAbsoluteFile().getParentFile();
            long usable = dir == null ? -1 : dir.getUsableSpace();
            if (usable > 0 && usable < size + keepFreeBytes) {
                throw new OutOfSpaceException("cannot allocate segment " + path + " of " + size + " bytes: only "
                    + usable + " bytes free, " + keepFreeBytes + " of them reserved");
            }
        }
        return new MappedFile(path, size, transientStorePool);
    }

    private MappedFile takePending(String path) {
        Future<MappedFile> f = pending;
        String p = pendingPath;
        pending = null;
        pendingPath = null;
        if (f == null) {
            return null;
        }
        MappedFile ready = await(f);
        if (ready != null && !p.equals(path)) {
            // prepared for an offset that is no longer next (the queue was truncated): drop it
            ready.destroy(0);
            return null;
        }
        return ready;
    }

    private static MappedFile await(Future<MappedFile> f) {
        try {
            return f.get();
        } catch (ExecutionException | CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops and deletes a prepared but unused segment (recovery would otherwise see an empty tail). */
    public synchronized void shutdown() {
        executor.shutdown();
        Future<MappedFile> f = pending;
        pending = null;
        pendingPath = null;
        if (f != null) {
            MappedFile unused = await(f);
            if (unused != null) {
                unused.destroy(0);
            }
        }
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
