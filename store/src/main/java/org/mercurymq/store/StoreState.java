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
    private volatile String outOfSpace;

    public boolean isRunning() {
        return running;
    }

    public void setRunning(boolean running) {
        this.running = running;
    }

    public boolean isWriteable() {
        return running && !diskFull && !notWriteableByAdmin && writeError == null && logicsError == null
            && outOfSpace == null;
    }

    /** A readable reason why puts are refused, or null when they are accepted. */
    public String whyNotWriteable() {
        if (!running) {
            return "the message store is not running";
        }
        if (writeError != null) {
            return "storage fault, the store is read-only until restarted: " + writeError;
        }
        if (logicsError != null) {
            return "a consume queue or index file had an I/O error and the store refuses writes: " + logicsError;
        }
        if (outOfSpace != null) {
            return "the disk is full, the store is read-only until space is freed: " + outOfSpace;
        }
        if (diskFull) {
            return "the disk is full (usage above diskSpaceWarningLevelRatio); writes resume when space is freed";
        }
        if (notWriteableByAdmin) {
            return "the store was made read-only by an operator";
        }
        return null;
    }

    /**
     * Marks the store out of space ({@code reason}) or, with null, clears it. Unlike a storage fault this
     * lifts by itself once a segment can be allocated again.
     */
    public void setOutOfSpace(String reason) {
        this.outOfSpace = reason;
    }

    public String getOutOfSpace() {
        return outOfSpace;
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

    /**
     * Records the first storage fault; the store stays read-only until restarted. Returns true for the
     * first fault only.
     */
    public synchronized boolean markWriteError(String reason) {
        if (writeError == null) {
            writeError = reason;
            return true;
        }
        return false;
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
