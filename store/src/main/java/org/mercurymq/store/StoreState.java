package org.mercurymq.store;

/**
 * Whether the store accepts writes, and if not, why: shut down, disk full, an I/O error on a file, or
 * made read-only by an operator. Thread-safe.
 */
public final class StoreState {
    private volatile boolean running;
    private volatile boolean diskFull;
    private volatile boolean notWriteableByAdmin;
    private volatile String writeError;
    private volatile String logicsError;

    public boolean isRunning() {
        return running;
    }

    public void setRunning(boolean running) {
        this.running = running;
    }

    public boolean isWriteable() {
        return running && !diskFull && !notWriteableByAdmin && writeError == null && logicsError == null;
    }

    /** A readable reason why puts are refused, or null when they are accepted. */
    public String whyNotWriteable() {
        if (!running) {
            return "the message store is not running";
        }
        if (writeError != null) {
            return "the commit log had an I/O error and the store refuses writes: " + writeError;
        }
        if (logicsError != null) {
            return "a consume queue or index file had an I/O error and the store refuses writes: " + logicsError;
        }
        if (diskFull) {
            return "the disk is full (usage above diskSpaceWarningLevelRatio); writes resume when space is freed";
        }
        if (notWriteableByAdmin) {
            return "the store was made read-only by an operator";
        }
        return null;
    }

    public boolean isDiskFull() {
        return diskFull;
    }

    public void setDiskFull(boolean diskFull) {
        this.diskFull = diskFull;
    }

    public void setNotWriteableByAdmin(boolean notWriteable) {
        this.notWriteableByAdmin = notWriteable;
    }

    /** Records the first commit-log I/O error; the store stays read-only until restarted. */
    public void markWriteError(String reason) {
        if (writeError == null) {
            writeError = reason;
        }
    }

    public String getWriteError() {
        return writeError;
    }

    public void markLogicsError(String reason) {
        if (logicsError == null) {
            logicsError = reason;
        }
    }
}
