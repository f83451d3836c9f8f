package org.mercurymq.remoting.netty;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Threads named {@code prefix-N} that log uncaught exceptions. Thread-safe. */
public final class NamedThreadFactory implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreadFactory.class);

    private final String prefix;
    private final boolean daemon;
    private final boolean nettyThreads;
    private final AtomicInteger index = new AtomicInteger();

    public NamedThreadFactory(String prefix, boolean daemon) {
        this(prefix, daemon, false);
    }

    private NamedThreadFactory(String prefix, boolean daemon, boolean nettyThreads) {
        this.prefix = prefix;
        this.daemon = daemon;
        this.nettyThreads = nettyThreads;
    }

    /**
     * For event loops: Netty's own thread class, whose FastThreadLocal lookups (the pooled allocator's caches,
     * the encoder's and recycler's state, on every read and write) are an array index instead of a ThreadLocal
     * map probe.
     */
    static NamedThreadFactory forEventLoops(String prefix) {
        return new NamedThreadFactory(prefix, true, true);
    }

    @Override
    public Thread newThread(Runnable r) {
        String name = prefix + "-" + index.incrementAndGet();
        Thread t = nettyThreads ? new FastThreadLocalThread(r, name) : new Thread(r, name);
        t.setDaemon(daemon);
        t.setUncaughtExceptionHandler((thread, e) -> LOG.error("uncaught exception in thread {}", thread.getName(), e));
        return t;
    }
}
