package org.mercurymq.namesrv;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names threads {@code <prefix>-<n>} and logs their uncaught exceptions. Thread-safe. */
public final class NamedThreadFactory implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreadFactory.class);

    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger index = new AtomicInteger();

    public NamedThreadFactory(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + index.incrementAndGet());
        t.setDaemon(daemon);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught exception in thread {}", th.getName(), e));
        return t;
    }
}
