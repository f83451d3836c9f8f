package org.mercurymq.store.commitlog;

import java.io.UncheckedIOException;
import org.mercurymq.store.StoreState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a commit-log flush or commit failure into a read-only store, loudly. Thread-safe. */
final class FlushFailureHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FlushFailureHandler.class);
    private final StoreState state;

    FlushFailureHandler(StoreState state) {
        this.state = state;
    }

    void failed(String what, UncheckedIOException e) {
        if (state.getWriteError() == null) {
            LOG.error("commit-log {} failed; the store now refuses writes until restarted", what, e);
        }
        state.markWriteError(what + " failed: " + e.getCause());
    }
}
