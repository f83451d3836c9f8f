package org.mercurymq.broker;

import java.util.function.IntConsumer;
import org.mercurymq.store.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a critical broker service thread (long-polling hold, transaction check) dies: one
 * ERROR line naming the thread and the cause, then the process exits with {@link #EXIT_STATUS} so that a
 * supervisor restarts a whole broker instead of keeping one that silently stopped answering parked pulls
 * or checking transactions. The exit runs on its own thread: the shutdown hook joins service threads, and
 * the dying one must not be the one waiting in {@code System.exit}. See docs/reliability.md. Thread-safe.
 */
public final class BrokerFaults implements ServiceThread.FaultHandler {
    /** EX_SOFTWARE: an internal error. */
    public static final int EXIT_STATUS = 70;
    private static final Logger LOG = LoggerFactory.getLogger(BrokerFaults.class);

    private final IntConsumer exit;

    public BrokerFaults(IntConsumer exit) {
        this.exit = exit;
    }

    /** Exits the JVM. */
    public static BrokerFaults exitingProcess() {
        return new BrokerFaults(System::exit);
    }

    @Override
    public void serviceDied(String serviceName, Throwable cause) {
        LOG.error("CRITICAL: broker service thread {} died ({}); the broker exits with status {} so that it can be "
            + "restarted", serviceName, cause.toString(), EXIT_STATUS, cause);
        Thread t = new Thread(() -> exit.accept(EXIT_STATUS), "BrokerFaultExit");
        t.setDaemon(false);
        t.start();
    }
}
