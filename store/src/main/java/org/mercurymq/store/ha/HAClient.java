package org.mercurymq.store.ha;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.ha.epoch.EpochEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave side of replication: connects to the master's HA address, reports its commit-log max offset
 * at connect, every haSendHeartbeatInterval and after each appended chunk, and appends received chunks
 * at exactly their offset. Reconnects every 5 s. In controller mode (a {@link Truncation} given) every connection
 * opens with the {@link ReplicaHandshake}: the slave names its controller id, learns the master's epochs and cuts its
 * own log back to the last point both agree on before it reports. Thread-safe (one worker thread; the address is
 * atomic).
 */
public final class HAClient extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(HAClient.class);
    static final long RECONNECT_MILLIS = 5000;
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    /** A controller-mode replica's side of the handshake. */
    public interface Truncation {
        /**
         * The master has {@code masterEpochs} and {@code masterMaxOffset}: cut this replica's log back to the last
         * point both agree on and adopt the master's epochs; throws when no such point exists (nothing is cut then).
         */
        void alignWith(List<EpochEntry> masterEpochs, long masterMaxOffset) throws IOException;
    }

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final AtomicReference<String> masterAddress = new AtomicReference<>();
    private volatile Socket socket;
    private volatile long lastReportMillis;
    private volatile long lastReadMillis;
    private final long brokerId;
    private final Truncation truncation;

    /** Classic slave of the master at haMasterAddress (or the one set later). */
    public HAClient(MessageStore store, MessageStoreConfig config, FaultHandler faults) {
        this(store, config, faults, config.haMasterAddress(), -1, null);
    }

    /** Controller-mode replica {@code brokerId} of the master whose HA address is {@code masterAddress}. */
    public HAClient(MessageStore store, MessageStoreConfig config, FaultHandler faults, String masterAddress,
                    long brokerId, Truncation truncation) {
        super(store::now, faults);
        this.store = store;
        this.config = config;
        this.brokerId = brokerId;
        this.truncation = truncation;
        this.masterAddress.set(masterAddress);
    }

    @Override
    public String getServiceName() {
        return "HAClient";
    }

    /** Sets the master's HA address (host:port); a change drops the current connection. */
    public void updateMasterAddress(String address) {
        String old = masterAddress.getAndSet(address);
        if (address != null && !address.equals(old)) {
            LOG.info("HA master address changed from {} to {}", old, address);
            closeSocket();
            wakeup();
        }
    }

    public String getMasterAddress() {
        return masterAddress.get();
    }

    public boolean isConnected() {
        return socket != null;
    }

    /** Drops the current connection (tests, address change); the worker reconnects. */
    public void closeSocket() {
        Socket s = socket;
        if (s != null) {
            HAService.closeQuietly(s);
        }
    }

    @Override
    public void shutdown() {
        closeSocket();
        super.shutdown();
    }

    @Override
    protected long firstWaitMillis() {
        return 0;
    }

    @Override
    protected long intervalMillis() {
        return RECONNECT_MILLIS;
    }

    /** One connection: connect to the master, replicate until it breaks; the loop waits, then retries. */
    @Override
    protected void doWork(long now) {
        String address = masterAddress.get();
        if (address == null || address.isEmpty()) {
            return;
        }
        Socket s = connect(address);
        if (s == null) {
            return;
        }
        socket = s;
        LOG.info("HA connected to master {}, slave max offset {}", address, store.getMaxPhyOffset());
        String reason = "stopped";
        try {
            replicate(s);
        } catch (IOException e) {
            reason = e.getMessage();
        } finally {
            socket = null;
            HAService.closeQuietly(s);
        }
        LOG.info("HA disconnected from master {} ({}), slave max offset {}", address, reason, store.getMaxPhyOffset());
    }

    private Socket connect(String address) {
        int colon = address.lastIndexOf(':');
        Socket s = new Socket();
        try {
            if (colon <= 0) {
                throw new IOException("HA master address must be host:port, was " + address);
            }
            s.connect(new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), CONNECT_TIMEOUT_MILLIS);
            s.setTcpNoDelay(true);
            s.setSoTimeout(HAStream.POLL_MILLIS);
            return s;
        } catch (IOException | NumberFormatException e) {
            LOG.warn("HA connect to master {} failed: {}", address, e.getMessage());
            HAService.closeQuietly(s);
            return null;
        }
    }

    private void replicate(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] report = new byte[8];
        byte[] header = new byte[12];
        byte[] data = new byte[Math.max(config.haTransferBatchSize(), 1024)];
        lastReadMillis = store.now();
        if (truncation != null) {
            ReplicaHandshake.writeHello(out, brokerId);
            ReplicaHandshake.MasterView master = ReplicaHandshake.readMasterView(in, () -> {
                if (isStopped()) {
                    throw new IOException("stopped");
                }
                if (store.now() - lastReadMillis > config.haHousekeepingInterval()) {
                    throw new IOException("no handshake answer from the master");
                }
            });
            truncation.alignWith(master.entries(), master.maxOffset());
        }
        reportOffset(out, report);
        HAStream.IdleHook idle = () -> onIdle(out, report);
        while (!isStopped()) {
            HAStream.readFully(in, header, header.length, idle);
            long offset = HAStream.getLong(header, 0);
            int size = HAStream.getInt(header, 8);
            if (size < 0 || size > 64 * 1024 * 1024) {
                throw new IOException("bad chunk size " + size + " at offset " + offset);
            }
            if (size > data.length) {
                data = new byte[size];
            }
            HAStream.readFully(in, data, size, idle);
            lastReadMillis = store.now();
            if (size == 0) {
                continue;
            }
            long myMax = store.getMaxPhyOffset();
            if (myMax != 0 && myMax != offset) {
                throw new IOException("chunk at offset " + offset + " does not follow slave max offset " + myMax);
            }
            if (!store.appendToCommitLog(offset, data, 0, size)) {
                throw new IOException("append of " + size + " bytes at offset " + offset + " refused");
            }
            reportOffset(out, report);
        }
    }

    private void onIdle(OutputStream out, byte[] report) throws IOException {
        if (isStopped()) {
            throw new IOException("stopped");
        }
        long now = store.now();
        if (now - lastReadMillis > config.haHousekeepingInterval()) {
            throw new IOException("nothing received for " + (now - lastReadMillis) + " ms");
        }
        if (now - lastReportMillis >= config.haSendHeartbeatInterval()) {
            reportOffset(out, report);
        }
    }

    private void reportOffset(OutputStream out, byte[] report) throws IOException {
        HAStream.putLong(report, 0, store.getMaxPhyOffset());
        out.write(report);
        out.flush();
        lastReportMillis = store.now();
    }
}
