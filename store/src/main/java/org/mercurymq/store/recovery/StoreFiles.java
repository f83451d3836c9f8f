package org.mercurymq.store.recovery;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import org.mercurymq.store.StoreException;

/**
 * The store's marker files: {@code lock} (held while a store is open, so a second broker on the same
 * directory fails to start) and {@code abort} (exists while running; its presence at start-up means the
 * last exit was abnormal). Not thread-safe; used at start and shutdown.
 */
public final class StoreFiles {
    private final File lockFile;
    private final File abortFile;
    private RandomAccessFile lockRaf;
    private FileLock lock;

    public StoreFiles(String lockPath, String abortPath) {
        this.lockFile = new File(lockPath);
        this.abortFile = new File(abortPath);
    }

    public void acquireLock() {
        try {
            if (lockFile.getParentFile() != null) {
                lockFile.getParentFile().mkdirs();
            }
            lockRaf = new RandomAccessFile(lockFile, "rw");
            FileChannel channel = lockRaf.getChannel();
            try {
                lock = channel.tryLock(0, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockRaf.close();
                lockRaf = null;
                throw new StoreException("the store at " + lockFile.getParent()
                    + " is already in use by another process (lock file " + lockFile + " is held)");
            }
            channel.write(java.nio.ByteBuffer.wrap("lock".getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException("cannot lock " + lockFile, e);
        }
    }

    public void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
                lock = null;
            }
            if (lockRaf != null) {
                lockRaf.close();
                lockRaf = null;
            }
        } catch (IOException e) {
            throw new StoreException("cannot release " + lockFile, e);
        }
    }

    /** True when the previous run did not shut down cleanly. */
    public boolean lastExitAbnormal() {
        return abortFile.exists();
    }

    public void createAbortFile() {
        try {
            if (!abortFile.exists() && !abortFile.createNewFile()) {
                throw new StoreException("cannot create " + abortFile);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + abortFile, e);
        }
    }

    public void deleteAbortFile() {
        if (abortFile.exists() && !abortFile.delete()) {
            throw new StoreException("cannot delete " + abortFile);
        }
    }
}
