package org.mercurymq.remoting.netty;

import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * Settings of a {@link NettyRemotingServer}: an immutable value built with {@link #builder()} or
 * from a parsed {@link Config} of {@link #TABLE} (RocketMQ's key names and defaults). The listen
 * port is not in the table: the name server and broker own it and pass it in. Thread-safe.
 */
public final class NettyServerConfig {
    public static final ConfigKey<Integer> SERVER_WORKER_THREADS = ConfigKey.ofInt("serverWorkerThreads", 8,
        "accepted for compatibility; codec and dispatch run on the selector threads").range(1, 1024);
    public static final ConfigKey<Integer> SERVER_CALLBACK_EXECUTOR_THREADS = ConfigKey.ofInt("serverCallbackExecutorThreads", 0,
        "threads of the public executor (callbacks, processors without their own executor); 0 means 4").range(0, 1024);
    public static final ConfigKey<Integer> SERVER_SELECTOR_THREADS = ConfigKey.ofInt("serverSelectorThreads", 3,
        "IO event loop threads").range(1, 1024);
    public static final ConfigKey<Integer> SERVER_ONEWAY_SEMAPHORE_VALUE = ConfigKey.ofInt("serverOnewaySemaphoreValue", 256,
        "max in-flight oneway calls from server to clients").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> SERVER_ASYNC_SEMAPHORE_VALUE = ConfigKey.ofInt("serverAsyncSemaphoreValue", 64,
        "max in-flight async calls from server to clients").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> SERVER_CHANNEL_MAX_IDLE_TIME_SECONDS = ConfigKey.ofInt("serverChannelMaxIdleTimeSeconds", 120,
        "a connection with neither read nor write for this long is closed").unit("s").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> SERVER_SOCKET_SND_BUF_SIZE = ConfigKey.ofInt("serverSocketSndBufSize", 0,
        "SO_SNDBUF; 0 keeps the OS default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> SERVER_SOCKET_RCV_BUF_SIZE = ConfigKey.ofInt("serverSocketRcvBufSize", 0,
        "SO_RCVBUF; 0 keeps the OS default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> SERVER_SOCKET_BACKLOG = ConfigKey.ofInt("serverSocketBacklog", 1024,
        "listen backlog").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> WRITE_BUFFER_HIGH_WATER_MARK = ConfigKey.ofInt("writeBufferHighWaterMark", 0,
        "channel becomes unwritable above this many queued bytes; 0 keeps Netty's default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> WRITE_BUFFER_LOW_WATER_MARK = ConfigKey.ofInt("writeBufferLowWaterMark", 0,
        "channel becomes writable again below this; 0 keeps Netty's default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Boolean> SERVER_POOLED_BYTE_BUF_ALLOCATOR_ENABLE = ConfigKey.ofBool("serverPooledByteBufAllocatorEnable", true,
        "use Netty's pooled buffer allocator");
    public static final ConfigKey<Boolean> USE_EPOLL_NATIVE_SELECTOR = ConfigKey.ofBool("useEpollNativeSelector", false,
        "use the native epoll transport when it is available");

    /** Mercury (docs/reliability.md, "Hostile input"); RocketMQ has no such bound. */
    public static final ConfigKey<Integer> SERVER_INCOMPLETE_FRAME_BYTES_PER_CONNECTION = ConfigKey.ofInt(
        "serverIncompleteFrameBytesPerConnection", 20 * 1024 * 1024,
        "receive buffer one connection's incomplete frame may hold before the connection is closed; the default fits a "
            + "16 MiB frame plus Netty's 4 MiB growth step").unit("bytes").range(64 * 1024, Integer.MAX_VALUE);
    /** Mercury (docs/reliability.md, "Hostile input"); RocketMQ has no such bound. */
    public static final ConfigKey<Long> SERVER_INCOMPLETE_FRAME_BYTES_TOTAL = ConfigKey.ofLong(
        "serverIncompleteFrameBytesTotal", 256L * 1024 * 1024,
        "receive buffers the incomplete frames of all connections of one server may hold; past it the slowest senders "
            + "are closed").unit("bytes").range(64L * 1024, Long.MAX_VALUE);

    public static final ConfigTable TABLE = ConfigTable.of(SERVER_WORKER_THREADS, SERVER_CALLBACK_EXECUTOR_THREADS,
        SERVER_SELECTOR_THREADS, SERVER_ONEWAY_SEMAPHORE_VALUE, SERVER_ASYNC_SEMAPHORE_VALUE,
        SERVER_CHANNEL_MAX_IDLE_TIME_SECONDS, SERVER_SOCKET_SND_BUF_SIZE, SERVER_SOCKET_RCV_BUF_SIZE, SERVER_SOCKET_BACKLOG,
        WRITE_BUFFER_HIGH_WATER_MARK, WRITE_BUFFER_LOW_WATER_MARK, SERVER_POOLED_BYTE_BUF_ALLOCATOR_ENABLE,
        USE_EPOLL_NATIVE_SELECTOR, SERVER_INCOMPLETE_FRAME_BYTES_PER_CONNECTION, SERVER_INCOMPLETE_FRAME_BYTES_TOTAL);

    private final String bindAddress;
    private final int listenPort;
    private final int serverWorkerThreads;
    private final int serverCallbackExecutorThreads;
    private final int serverSelectorThreads;
    private final int serverOnewaySemaphoreValue;
    private final int serverAsyncSemaphoreValue;
    private final int serverChannelMaxIdleTimeSeconds;
    private final int serverSocketSndBufSize;
    private final int serverSocketRcvBufSize;
    private final int serverSocketBacklog;
    private final int writeBufferHighWaterMark;
    private final int writeBufferLowWaterMark;
    private final boolean serverPooledByteBufAllocatorEnable;
    private final boolean useEpollNativeSelector;
    private final int frameMaxLength;
    private final int incompleteFrameBytesPerConnection;
    private final long incompleteFrameBytesTotal;

    private NettyServerConfig(Builder b) {
        this.incompleteFrameBytesPerConnection = b.incompleteFrameBytesPerConnection;
        this.incompleteFrameBytesTotal = b.incompleteFrameBytesTotal;
        this.bindAddress = b.bindAddress;
        this.listenPort = b.listenPort;
        this.serverWorkerThreads = b.serverWorkerThreads;
        this.serverCallbackExecutorThreads = b.serverCallbackExecutorThreads;
        this.serverSelectorThreads = b.serverSelectorThreads;
        this.serverOnewaySemaphoreValue = b.serverOnewaySemaphoreValue;
        this.serverAsyncSemaphoreValue = b.serverAsyncSemaphoreValue;
        this.serverChannelMaxIdleTimeSeconds = b.serverChannelMaxIdleTimeSeconds;
        this.serverSocketSndBufSize = b.serverSocketSndBufSize;
        this.serverSocketRcvBufSize = b.serverSocketRcvBufSize;
        this.serverSocketBacklog = b.serverSocketBacklog;
        this.writeBufferHighWaterMark = b.writeBufferHighWaterMark;
        this.writeBufferLowWaterMark = b.writeBufferLowWaterMark;
        this.serverPooledByteBufAllocatorEnable = b.serverPooledByteBufAllocatorEnable;
        this.useEpollNativeSelector = b.useEpollNativeSelector;
        this.frameMaxLength = b.frameMaxLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings from a config parsed with {@link #TABLE} (or a table merged from it). */
    public static NettyServerConfig from(Config cfg, String bindAddress, int listenPort) {
        return builder()
            .bindAddress(bindAddress)
            .listenPort(listenPort)
            .serverWorkerThreads(cfg.get(SERVER_WORKER_THREADS))
            .serverCallbackExecutorThreads(cfg.get(SERVER_CALLBACK_EXECUTOR_THREADS))
            .serverSelectorThreads(cfg.get(SERVER_SELECTOR_THREADS))
            .serverOnewaySemaphoreValue(cfg.get(SERVER_ONEWAY_SEMAPHORE_VALUE))
            .serverAsyncSemaphoreValue(cfg.get(SERVER_ASYNC_SEMAPHORE_VALUE))
            .serverChannelMaxIdleTimeSeconds(cfg.get(SERVER_CHANNEL_MAX_IDLE_TIME_SECONDS))
            .serverSocketSndBufSize(cfg.get(SERVER_SOCKET_SND_BUF_SIZE))
            .serverSocketRcvBufSize(cfg.get(SERVER_SOCKET_RCV_BUF_SIZE))
            .serverSocketBacklog(cfg.get(SERVER_SOCKET_BACKLOG))
            .writeBufferHighWaterMark(cfg.get(WRITE_BUFFER_HIGH_WATER_MARK))
            .writeBufferLowWaterMark(cfg.get(WRITE_BUFFER_LOW_WATER_MARK))
            .serverPooledByteBufAllocatorEnable(cfg.get(SERVER_POOLED_BYTE_BUF_ALLOCATOR_ENABLE))
            .useEpollNativeSelector(cfg.get(USE_EPOLL_NATIVE_SELECTOR))
            .incompleteFrameBytesPerConnection(cfg.get(SERVER_INCOMPLETE_FRAME_BYTES_PER_CONNECTION))
            .incompleteFrameBytesTotal(cfg.get(SERVER_INCOMPLETE_FRAME_BYTES_TOTAL))
            .build();
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public int getListenPort() {
        return listenPort;
    }

    public int getServerWorkerThreads() {
        return serverWorkerThreads;
    }

    public int getServerCallbackExecutorThreads() {
        return serverCallbackExecutorThreads;
    }

    public int getServerSelectorThreads() {
        return serverSelectorThreads;
    }

    public int getServerOnewaySemaphoreValue() {
        return serverOnewaySemaphoreValue;
    }

    public int getServerAsyncSemaphoreValue() {
        return serverAsyncSemaphoreValue;
    }

    public int getServerChannelMaxIdleTimeSeconds() {
        return serverChannelMaxIdleTimeSeconds;
    }

    public int getServerSocketSndBufSize() {
        return serverSocketSndBufSize;
    }

    public int getServerSocketRcvBufSize() {
        return serverSocketRcvBufSize;
    }

    public int getServerSocketBacklog() {
        return serverSocketBacklog;
    }

    public int getWriteBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    public int getWriteBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    public boolean isServerPooledByteBufAllocatorEnable() {
        return serverPooledByteBufAllocatorEnable;
    }

    public boolean isUseEpollNativeSelector() {
        return useEpollNativeSelector;
    }

    /** Largest accepted frame including its 4-byte length prefix. */
    public int getFrameMaxLength() {
        return frameMaxLength;
    }

    /** Receive buffer one connection's incomplete frame may hold. */
    public int getIncompleteFrameBytesPerConnection() {
        return incompleteFrameBytesPerConnection;
    }

    /** Receive buffers the incomplete frames of all connections may hold together. */
    public long getIncompleteFrameBytesTotal() {
        return incompleteFrameBytesTotal;
    }

    public Builder toBuilder() {
        return builder().bindAddress(bindAddress).listenPort(listenPort).serverWorkerThreads(serverWorkerThreads)
            .serverCallbackExecutorThreads(serverCallbackExecutorThreads).serverSelectorThreads(serverSelectorThreads)
            .serverOnewaySemaphoreValue(serverOnewaySemaphoreValue).serverAsyncSemaphoreValue(serverAsyncSemaphoreValue)
            .serverChannelMaxIdleTimeSeconds(serverChannelMaxIdleTimeSeconds).serverSocketSndBufSize(serverSocketSndBufSize)
            .serverSocketRcvBufSize(serverSocketRcvBufSize).serverSocketBacklog(serverSocketBacklog)
            .writeBufferHighWaterMark(writeBufferHighWaterMark).writeBufferLowWaterMark(writeBufferLowWaterMark)
            .serverPooledByteBufAllocatorEnable(serverPooledByteBufAllocatorEnable)
            .useEpollNativeSelector(useEpollNativeSelector).frameMaxLength(frameMaxLength)
            .incompleteFrameBytesPerConnection(incompleteFrameBytesPerConnection)
            .incompleteFrameBytesTotal(incompleteFrameBytesTotal);
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int listenPort = 0;
        private int serverWorkerThreads = SERVER_WORKER_THREADS.defaultValue();
        private int serverCallbackExecutorThreads = SERVER_CALLBACK_EXECUTOR_THREADS.defaultValue();
        private int serverSelectorThreads = SERVER_SELECTOR_THREADS.defaultValue();
        private int serverOnewaySemaphoreValue = SERVER_ONEWAY_SEMAPHORE_VALUE.defaultValue();
        private int serverAsyncSemaphoreValue = SERVER_ASYNC_SEMAPHORE_VALUE.defaultValue();
        private int serverChannelMaxIdleTimeSeconds = SERVER_CHANNEL_MAX_IDLE_TIME_SECONDS.defaultValue();
        private int serverSocketSndBufSize = SERVER_SOCKET_SND_BUF_SIZE.defaultValue();
        private int serverSocketRcvBufSize = SERVER_SOCKET_RCV_BUF_SIZE.defaultValue();
        private int serverSocketBacklog = SERVER_SOCKET_BACKLOG.defaultValue();
        private int writeBufferHighWaterMark = WRITE_BUFFER_HIGH_WATER_MARK.defaultValue();
        private int writeBufferLowWaterMark = WRITE_BUFFER_LOW_WATER_MARK.defaultValue();
        private boolean serverPooledByteBufAllocatorEnable = SERVER_POOLED_BYTE_BUF_ALLOCATOR_ENABLE.defaultValue();
        private boolean useEpollNativeSelector = USE_EPOLL_NATIVE_SELECTOR.defaultValue();
        private int frameMaxLength = RemotingFrameDecoder.defaultFrameMaxLength();
        private int incompleteFrameBytesPerConnection = SERVER_INCOMPLETE_FRAME_BYTES_PER_CONNECTION.defaultValue();
        private long incompleteFrameBytesTotal = SERVER_INCOMPLETE_FRAME_BYTES_TOTAL.defaultValue();

        private Builder() {
        }

        public Builder bindAddress(String v) {
            this.bindAddress = v == null || v.isEmpty() ? "0.0.0.0" : v;
            return this;
        }

        public Builder listenPort(int v) {
            this.listenPort = v;
            return this;
        }

        public Builder serverWorkerThreads(int v) {
            this.serverWorkerThreads = v;
            return this;
        }

        public Builder serverCallbackExecutorThreads(int v) {
            this.serverCallbackExecutorThreads = v;
            return this;
        }

        public Builder serverSelectorThreads(int v) {
            this.serverSelectorThreads = v;
            return this;
        }

        public Builder serverOnewaySemaphoreValue(int v) {
            this.serverOnewaySemaphoreValue = v;
            return this;
        }

        public Builder serverAsyncSemaphoreValue(int v) {
            this.serverAsyncSemaphoreValue = v;
            return this;
        }

        public Builder serverChannelMaxIdleTimeSeconds(int v) {
            this.serverChannelMaxIdleTimeSeconds = v;
            return this;
        }

        public Builder serverSocketSndBufSize(int v) {
            this.serverSocketSndBufSize = v;
            return this;
        }

        public Builder serverSocketRcvBufSize(int v) {
            this.serverSocketRcvBufSize = v;
            return this;
        }

        public Builder serverSocketBacklog(int v) {
            this.serverSocketBacklog = v;
            return this;
        }

        public Builder writeBufferHighWaterMark(int v) {
            this.writeBufferHighWaterMark = v;
            return this;
        }

        public Builder writeBufferLowWaterMark(int v) {
            this.writeBufferLowWaterMark = v;
            return this;
        }

        public Builder serverPooledByteBufAllocatorEnable(boolean v) {
            this.serverPooledByteBufAllocatorEnable = v;
            return this;
        }

        public Builder useEpollNativeSelector(boolean v) {
            this.useEpollNativeSelector = v;
            return this;
        }

        public Builder frameMaxLength(int v) {
            this.frameMaxLength = v;
            return this;
        }

        public Builder incompleteFrameBytesPerConnection(int v) {
            this.incompleteFrameBytesPerConnection = v;
            return this;
        }

        public Builder incompleteFrameBytesTotal(long v) {
            this.incompleteFrameBytesTotal = v;
            return this;
        }

        public NettyServerConfig build() {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("listenPort " + listenPort + " is outside [0, 65535]");
            }
            if (frameMaxLength < 8) {
                throw new IllegalArgumentException("frameMaxLength " + frameMaxLength + " is below 8");
            }
            if (incompleteFrameBytesPerConnection <= 0 || incompleteFrameBytesTotal <= 0) {
                throw new IllegalArgumentException("incomplete frame limits must be positive: per connection "
                    + incompleteFrameBytesPerConnection + ", total " + incompleteFrameBytesTotal);
            }
            return new NettyServerConfig(this);
        }
    }
}
