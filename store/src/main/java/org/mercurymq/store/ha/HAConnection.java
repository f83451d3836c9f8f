package org.mercurymq.store.ha;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.ha.epoch.EpochEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected slave on the master: a reader thread takes the slave's 8-byte offset reports, a writer
 * thread sends commit-log chunks (offset, size, data) from the slave's first report on, and size-0
 * heartbeats when idle. Either side closing, an I/O error or haHousekeepingInterval of silence ends it. A
 * controller-mode slave opens with the {@link ReplicaHandshake}: it names its controller id and gets the master's
 * epochs. Thread-safe.
 */
final class HAConnection {
    private static final Logger LOG = LoggerFactory.getLogger(HAConnection.class);
    private static final int HEADER_SIZE = 8 + 4;
    private static final long WRITER_POLL_MILLIS = 100;

    private final HAService service;
    private final MessageStore store;
    private final MessageStoreConfig config;
    private final Socket socket;
    private final String remote;
    private final AtomicBoolean closed = new AtomicBoolean(false);
    private final Thread reader;
    private final Thread writer;
    /** The slave's first report: where transfer starts; -1 until it arrives. */
    private volatile long slaveRequestOffset = -1;
    private volatile long slaveAckOffset = -1;
    private volatile long lastReadMillis;
    /** The slave's controller id from its handshake, -1 for a classic slave. */
    private volatile long slaveId = -1;
    /** The last offset at which the writer had sent everything the master had (the slave is level once it acks it). */
    private volatile long levelOffset = Long.MAX_VALUE;

    HAConnection(HAService service, MessageStore store, MessageStoreConfig config, Socket socket) throws IOException {
        this.service = service;
        this.store = store;
        this.config = config;
        this.socket = socket;
        this.lastReadMillis = store.now();
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(HAStream.POLL_MILLIS);
        this.reader = new Thread(this::readLoop, "HAConnectionReader-" + remote);
        this.writer = new Thread(this::writeLoop, "HAConnectionWriter-" + remote);
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    void start() {
        LOG.info("HA slave {} connected, master max offset {}", remote, store.getMaxPhyOffset());
        reader.start();
        writer.start();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            HAService.closeQuietly(socket);
            LockSupport.unpark(writer);
            service.onClosed(this);
            service.onSlaveGone(slaveId);
            LOG.info("HA slave {} disconnected, slave ack offset {}, master max offset {}", remote,
                slaveAckOffset, store.getMaxPhyOffset());
        }
    }

    void wakeupWriter() {
        LockSupport.unpark(writer);
    }

    private void readLoop() {
        byte[] report = new byte[8];
        try {
            InputStream in = socket.getInputStream();
            while (!closed.get()) {
                HAStream.readFully(in, report, 8, this::checkReadIdle);
                lastReadMillis = store.now();
                long offset = HAStream.getLong(report, 0);
                if (offset == ReplicaHandshake.HELLO && slaveRequestOffset < 0 && slaveId < 0) {
                    answerHandshake(in);
                    continue;
                }
                if (slaveRequestOffset < 0) {
                    slaveRequestOffset = offset;
                    LOG.info("HA slave {} requests data from offset {}", remote, offset);
                    LockSupport.unpark(writer);
                }
                slaveAckOffset = offset;
                service.onSlaveAck(slaveId, offset, levelOffset);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.info("HA slave {} read ended: {}", remote, e.getMessage());
            }
        } finally {
            close();
        }
    }

    /** Reads the slave's controller id and answers with this master's max offset and epochs. */
    private void answerHandshake(InputStream in) throws IOException {
        byte[] id = new byte[8];
        HAStream.readFully(in, id, 8, this::checkReadIdle);
        slaveId = HAStream.getLong(id, 0);
        long max = store.getMaxPhyOffset();
        List<EpochEntry> epochs = store.epochEntries();
        ReplicaHandshake.writeMasterView(socket.getOutputStream(), max, epochs);
        LOG.info("HA slave {} is controller id {}; sent master max offset {} and {} epochs (last {})", remote, slaveId,
            max, epochs.size(), epochs.isEmpty() ? "none" : epochs.get(epochs.size() - 1));
    }

    private void checkReadIdle() throws IOException {
        if (closed.get()) {
            throw new IOException("closed");
        }
        long silent = store.now() - lastReadMillis;
        if (silent > config.haHousekeepingInterval()) {
            throw new IOException("nothing received for " + silent + " ms");
        }
    }

    private void writeLoop() {
        byte[] header = new byte[HEADER_SIZE];
        byte[] chunk = new byte[config.haTransferBatchSize()];
        try {
            OutputStream out = socket.getOutputStream();
            while (!closed.get() && slaveRequestOffset < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WRITER_POLL_MILLIS));
            }
            long next = startOffset(slaveRequestOffset);
            LOG.info("HA slave {}: transfer starts at offset {}", remote, next);
            long lastWriteMillis = store.now();
            while (!closed.get()) {
                int size = readChunk(next, chunk);
                if (size > 0) {
                    HAStream.putLong(header, 0, next);
                    HAStream.putInt(header, 8, size);
                    out.write(header);
                    out.write(chunk, 0, size);
                    out.flush();
                    next += size;
                    lastWriteMillis = store.now();
                    if (next >= store.getMaxPhyOffset()) {
                        levelOffset = next;
                    }
                    continue;
                }
                levelOffset = next;
                if (store.now() - lastWriteMillis >= config.haSendHeartbeatInterval()) {
                    HAStream.putLong(header, 0, next);
                    HAStream.putInt(header, 8, 0);
                    out.write(header);
                    out.flush();
                    lastWriteMillis = store.now();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WRITER_POLL_MILLIS));
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.info("HA slave {} write ended: {}", remote, e.getMessage());
            }
        } finally {
            close();
        }
    }

    /**
     * The slave's report; for an empty slave the start of the master's last segment (classic), or the master's
     * first offset in controller mode, where any replica may become master and must hold the whole log.
     */
    private long startOffset(long requested) {
        if (requested != 0) {
            return requested;
        }
        if (service.controllerMode()) {
            return Math.max(0, store.getMinPhyOffset());
        }
        long max = store.getMaxPhyOffset();
        long segment = config.mappedFileSizeCommitLog();
        return max - (max % segment);
    }

    /** Copies up to haTransferBatchSize bytes from {@code offset} (never past its segment); 0 when none. */
    private int readChunk(long offset, byte[] chunk) {
        SelectMappedBufferResult data = store.getCommitLogData(offset);
        if (data == null) {
            return 0;
        }
        try {
            ByteBuffer buf = data.getByteBuffer();
            int size = Math.min(buf.remaining(), chunk.length);
            buf.get(chunk, 0, size);
            return size;
        } finally {
            data.release();
        }
    }
}
