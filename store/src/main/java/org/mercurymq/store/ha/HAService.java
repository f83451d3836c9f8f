package org.mercurymq.store.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.ha.epoch.SyncStateSetTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master side of replication: accepts slaves on haListenPort, runs one {@link HAConnection} per
 * slave, tracks the highest slave ack and lets SYNC_MASTER puts wait for it. In controller mode (a
 * {@link SyncStateSetTracker} given) slaves open with the {@link ReplicaHandshake}, their acks feed the tracker, an
 * empty slave is sent the whole log, and puts can wait for every SyncStateSet member (allAckInSyncStateSet).
 * Thread-safe.
 */
public final class HAService {
    private static final Logger LOG = LoggerFactory.getLogger(HAService.class);

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final List<HAConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong slaveAckOffset = new AtomicLong(0);
    private final AckWaiters waiters = new AckWaiters();
    private final AckWaiters allAckWaiters = new AckWaiters();
    private final SyncStateSetTracker tracker;
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;
    private volatile boolean stopped;

    /** Classic master/slave replication. */
    public HAService(MessageStore store, MessageStoreConfig config) {
        this(store, config, null);
    }

    /** {@code tracker}: the SyncStateSet view of a controller-mode master term, or null for classic replication. */
    public HAService(MessageStore store, MessageStoreConfig config, SyncStateSetTracker tracker) {
        this.store = store;
        this.config = config;
        this.tracker = tracker;
    }

    /** The SyncStateSet view of this master term, or null (classic mode). */
    public SyncStateSetTracker tracker() {
        return tracker;
    }

    public boolean controllerMode() {
        return tracker != null;
    }

    /** Binds haListenPort (0 = any free port) on all interfaces and starts accepting slaves. */
    public synchronized void start() {
        if (serverSocket != null) {
            return;
        }
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(config.haListenPort()));
            serverSocket = ss;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for HA slaves on port " + config.haListenPort(), e);
        }
        stopped = false;
        Thread t = new Thread(this::acceptLoop, "HAAcceptService");
        t.setDaemon(true);
        acceptor = t;
        t.start();
        LOG.info("HA service listening on port {}", getListenPort());
    }

    public synchronized void shutdown() {
        stopped = true;
        ServerSocket ss = serverSocket;
        if (ss != null) {
            closeQuietly(ss);
        }
        disconnectAll();
        Thread t = acceptor;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        serverSocket = null;
    }

    /** The bound port, or -1 before start. */
    public int getListenPort() {
        ServerSocket ss = serverSocket;
        return ss == null ? -1 : ss.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopped) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!stopped) {
                    LOG.warn("HA accept failed: {}", e.toString());
                }
                continue;
            }
            try {
                HAConnection conn = new HAConnection(this, store, config, socket);
                connections.add(conn);
                conn.start();
            } catch (IOException e) {
                LOG.warn("HA slave {} could not be set up: {}", socket.getRemoteSocketAddress(), e.toString());
                closeQuietly(socket);
            }
        }
    }

    /** Closes every slave connection (slaves reconnect on their own). */
    public void disconnectAll() {
        for (HAConnection c : connections) {
            c.close();
        }
    }

    void onClosed(HAConnection conn) {
        connections.remove(conn);
    }

    /**
     * A slave reported it holds the commit log up to {@code offset}; {@code slaveId} is its controller id (-1:
     * unknown) and {@code levelOffset} the last offset at which the master had sent it everything it had.
     */
    void onSlaveAck(long slaveId, long offset, long levelOffset) {
        slaveAckOffset.accumulateAndGet(offset, Math::max);
        waiters.onAck(slaveAckOffset.get());
        if (tracker != null && slaveId >= 0) {
            tracker.onAck(slaveId, offset, levelOffset);
            allAckWaiters.onAck(tracker.minMemberAck());
        }
    }

    void onSlaveGone(long slaveId) {
        if (tracker != null && slaveId >= 0) {
            tracker.onDisconnect(slaveId);
        }
    }

    /** The controller decided a SyncStateSet change: waiting puts are checked against the new members. */
    public void onSyncStateSetDecided() {
        if (tracker != null) {
            allAckWaiters.onAck(tracker.minMemberAck());
        }
    }

    /**
     * allAckInSyncStateSet: completes with true once every SyncStateSet member other than the master acked ≥
     * {@code endOffset} (at once when the master is alone), with false after slaveTimeout.
     */
    public CompletableFuture<Boolean> awaitAllInSyncAck(long endOffset) {
        CompletableFuture<Boolean> f = allAckWaiters.await(endOffset, tracker::minMemberAck);
        if (!f.isDone()) {
            notifyNewData();
        }
        return f.completeOnTimeout(false, config.slaveTimeout(), TimeUnit.MILLISECONDS);
    }

    /** Wakes every connection writer so new data is sent without waiting for the next poll. */
    public void notifyNewData() {
        for (HAConnection c : connections) {
            c.wakeupWriter();
        }
    }

    public int connectionCount() {
        return connections.size();
    }

    /** The highest commit-log offset any slave has reported. */
    public long getSlaveAckOffset() {
        return slaveAckOffset.get();
    }

    /** A slave is connected and not more than haSlaveFallbehindMax behind {@code masterPutWhere}. */
    public boolean isSlaveOK(long masterPutWhere) {
        return !connections.isEmpty() && masterPutWhere - slaveAckOffset.get() < config.haSlaveFallbehindMax();
    }

    /** Completes with true once a slave acked ≥ {@code endOffset}, with false after slaveTimeout. */
    public CompletableFuture<Boolean> awaitSlaveAck(long endOffset) {
        CompletableFuture<Boolean> f = waiters.await(endOffset, slaveAckOffset::get);
        if (!f.isDone()) {
            notifyNewData();
        }
        return f.completeOnTimeout(false, config.slaveTimeout(), TimeUnit.MILLISECONDS);
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
