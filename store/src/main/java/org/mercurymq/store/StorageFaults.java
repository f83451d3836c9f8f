package org.mercurymq.store;

import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a storage fault into a read-only store, loudly and once: an I/O error on a flush or commit, any
 * {@link Throwable} out of a mapped-memory access (the JVM reports a page fault on a mapping, e.g. a write
 * to a file the full disk could not back, as {@code InternalError}), or the death of a store service
 * thread. The first fault logs one ERROR line (with its stack, since it is unexpected) and makes every
 * later put fail; later faults only log at DEBUG. See docs/store.md "Storage faults". Thread-safe.
 */
public final class StorageFaults implements ServiceThread.FaultHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StorageFaults.class);
    private final StoreState state;

    public StorageFaults(StoreState state) {
        this.state = state;
    }

    /** A fault in {@code what} (e.g. "commit-log flush"); the store refuses writes until restarted. */
    public void fault(String what, Throwable cause) {
        String reason = what + " failed: " + describe(cause);
        if (state.markWriteError(reason)) {
            LOG.error("STORAGE FAULT: {}; the store is now READ-ONLY: every put is refused until the broker is "
                + "restarted (reads continue)", reason, cause);
        } else {
            LOG.debug("further storage fault: {}", reason);
        }
    }

    @Override
    public void serviceDied(String serviceName, Throwable cause) {
        fault("store service thread " + serviceName + " (it died)", cause);
    }

    private static String describe(Throwable t) {
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            return t.getMessage() + ": " + t.getCause();
        }
        return t.toString();
    }
}
