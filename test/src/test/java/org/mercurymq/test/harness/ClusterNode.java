package org.mercurymq.test.harness;

/**
 * One daemon of a test cluster in a child JVM, with the faults a chaos test injects. Implementations are not
 * thread-safe: the test thread (or one fault thread) drives a node.
 */
public interface ClusterNode extends AutoCloseable {
    /** A name unique within the cluster, e.g. {@code namesrv-0} or {@code broker-a-master}. */
    String name();

    /** host:port clients connect to. */
    String address();

    long pid();

    boolean isAlive();

    /** SIGKILL, as in a crash; returns when the process is gone. */
    void kill9();

    /** SIGSTOP: the process stays, its sockets stay open, nothing answers. */
    void pause();

    /** SIGCONT after {@link #pause()}. */
    void resume();

    /** Starts the node again on the same ports and store after a kill9 or terminate; waits for its boot line. */
    void restart();

    /** Kills the process if still running. */
    @Override
    void close();
}
