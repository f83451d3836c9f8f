package org.mercurymq.remoting.netty;

import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * Settings of a {@link NettyRemotingClient}: an immutable value built with {@link #builder()} or
 * from a parsed {@link Config} of {@link #TABLE} (RocketMQ's key names and defaults; a few defaults
 * come from RocketMQ's {@code com.rocketmq.remoting.*} system properties). Thread-safe.
 */
public final class NettyClientConfig {
    public static final String MAX_IDLE_PROPERTY = "com.rocketmq.remoting.client.channel.maxIdleTimeSeconds";
    public static final String CLOSE_SOCKET_IF_TIMEOUT_PROPERTY = "com.rocketmq.remoting.client.closeSocketIfTimeout";
    public static final String CONNECT_TIMEOUT_PROPERTY = "com.rocketmq.remoting.client.connect.timeout";

    public static final ConfigKey<Integer> CLIENT_WORKER_THREADS = ConfigKey.ofInt("clientWorkerThreads", 4,
        "IO event loop threads").range(1, 1024);
    public static final ConfigKey<Integer> CLIENT_CALLBACK_EXECUTOR_THREADS = ConfigKey.ofInt("clientCallbackExecutorThreads",
        Runtime.getRuntime().availableProcessors(), "threads running async callbacks and server-to-client requests").range(1, 1024)
        .defaultDoc("cores");
    public static final ConfigKey<Integer> CLIENT_ONEWAY_SEMAPHORE_VALUE = ConfigKey.ofInt("clientOnewaySemaphoreValue", 65535,
        "max in-flight oneway requests").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> CLIENT_ASYNC_SEMAPHORE_VALUE = ConfigKey.ofInt("clientAsyncSemaphoreValue", 65535,
        "max in-flight async requests").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> CONNECT_TIMEOUT_MILLIS = ConfigKey.ofInt("connectTimeoutMillis",
        Integer.getInteger(CONNECT_TIMEOUT_PROPERTY, 3000), "TCP connect time-out").unit("ms").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Long> CHANNEL_NOT_ACTIVE_INTERVAL = ConfigKey.ofLong("channelNotActiveInterval", 60000L,
        "accepted for compatibility").unit("ms")
        .notHonoured("has no effect (RocketMQ 4.9.7 does not read it either)");
    public static final ConfigKey<Integer> CLIENT_CHANNEL_MAX_IDLE_TIME_SECONDS = ConfigKey.ofInt("clientChannelMaxIdleTimeSeconds",
        Integer.getInteger(MAX_IDLE_PROPERTY, 120), "a connection with neither read nor write for this long is closed")
        .unit("s").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> CLIENT_SOCKET_SND_BUF_SIZE = ConfigKey.ofInt("clientSocketSndBufSize", 0,
        "SO_SNDBUF; 0 keeps the OS default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> CLIENT_SOCKET_RCV_BUF_SIZE = ConfigKey.ofInt("clientSocketRcvBufSize", 0,
        "SO_RCVBUF; 0 keeps the OS default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Boolean> CLIENT_POOLED_BYTE_BUF_ALLOCATOR_ENABLE = ConfigKey.ofBool("clientPooledByteBufAllocatorEnable",
        false, "use Netty's pooled buffer allocator");
    public static final ConfigKey<Boolean> CLIENT_CLOSE_SOCKET_IF_TIMEOUT = ConfigKey.ofBool("clientCloseSocketIfTimeout",
        Boolean.parseBoolean(System.getProperty(CLOSE_SOCKET_IF_TIMEOUT_PROPERTY, "true")),
        "close the connection when a sync call times out");
    public static final ConfigKey<Boolean> USE_TLS = ConfigKey.ofBool("useTLS", false,
        "connect with TLS (client settings tls.client.* / tls.test.mode.enable, docs/security.md); a broker defaults it "
            + "to -Dtls.enable, else to tls.server.mode=enforcing");
    public static final ConfigKey<Integer> WRITE_BUFFER_HIGH_WATER_MARK = ConfigKey.ofInt("writeBufferHighWaterMark", 0,
        "channel becomes unwritable above this many queued bytes; 0 keeps Netty's default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> WRITE_BUFFER_LOW_WATER_MARK = ConfigKey.ofInt("writeBufferLowWaterMark", 0,
        "channel becomes writable again below this; 0 keeps Netty's default").unit("bytes").range(0, Integer.MAX_VALUE);
    public static final ConfigKey<Boolean> USE_EPOLL_NATIVE_SELECTOR = ConfigKey.ofBool("useEpollNativeSelector", false,
        "use the native epoll transport when it is available");

    public static final ConfigTable TABLE = ConfigTable.of(CLIENT_WORKER_THREADS, CLIENT_CALLBACK_EXECUTOR_THREADS,
        CLIENT_ONEWAY_SEMAPHORE_VALUE, CLIENT_ASYNC_SEMAPHORE_VALUE, CONNECT_TIMEOUT_MILLIS, CHANNEL_NOT_ACTIVE_INTERVAL,
        CLIENT_CHANNEL_MAX_IDLE_TIME_SECONDS, CLIENT_SOCKET_SND_BUF_SIZE, CLIENT_SOCKET_RCV_BUF_SIZE,
        CLIENT_POOLED_BYTE_BUF_ALLOCATOR_ENABLE, CLIENT_CLOSE_SOCKET_IF_TIMEOUT, USE_TLS, WRITE_BUFFER_HIGH_WATER_MARK,
        WRITE_BUFFER_LOW_WATER_MARK, USE_EPOLL_NATIVE_SELECTOR);

    private final int clientWorkerThreads;
    private final int clientCallbackExecutorThreads;
    private final int clientOnewaySemaphoreValue;
    private final int clientAsyncSemaphoreValue;
    private final int connectTimeoutMillis;
    private final int clientChannelMaxIdleTimeSeconds;
    private final int clientSocketSndBufSize;
    private final int clientSocketRcvBufSize;
    private final boolean clientPooledByteBufAllocatorEnable;
    private final boolean clientCloseSocketIfTimeout;
    private final int writeBufferHighWaterMark;
    private final int writeBufferLowWaterMark;
    private final boolean useEpollNativeSelector;
    private final int frameMaxLength;
    private final boolean useTLS;

    private NettyClientConfig(Builder b) {
        this.useTLS = b.useTLS;
        this.clientWorkerThreads = b.clientWorkerThreads;
        this.clientCallbackExecutorThreads = b.clientCallbackExecutorThreads;
        this.clientOnewaySemaphoreValue = b.clientOnewaySemaphoreValue;
        this.clientAsyncSemaphoreValue = b.clientAsyncSemaphoreValue;
        this.connectTimeoutMillis = b.connectTimeoutMillis;
        this.clientChannelMaxIdleTimeSeconds = b.clientChannelMaxIdleTimeSeconds;
        this.clientSocketSndBufSize = b.clientSocketSndBufSize;
        this.clientSocketRcvBufSize = b.clientSocketRcvBufSize;
        this.clientPooledByteBufAllocatorEnable = b.clientPooledByteBufAllocatorEnable;
        this.clientCloseSocketIfTimeout = b.clientCloseSocketIfTimeout;
        this.writeBufferHighWaterMark = b.writeBufferHighWaterMark;
        this.writeBufferLowWaterMark = b.writeBufferLowWaterMark;
        this.useEpollNativeSelector = b.useEpollNativeSelector;
        this.frameMaxLength = b.frameMaxLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings from a config parsed with {@link #TABLE}. */
    public static NettyClientConfig from(Config cfg) {
        return builder()
            .useTLS(cfg.get(USE_TLS))
            .clientWorkerThreads(cfg.get(CLIENT_WORKER_THREADS))
            .clientCallbackExecutorThreads(cfg.get(CLIENT_CALLBACK_EXECUTOR_THREADS))
            .clientOnewaySemaphoreValue(cfg.get(CLIENT_ONEWAY_SEMAPHORE_VALUE))
            .clientAsyncSemaphoreValue(cfg.get(CLIENT_ASYNC_SEMAPHORE_VALUE))
            .connectTimeoutMillis(cfg.get(CONNECT_TIMEOUT_MILLIS))
            .clientChannelMaxIdleTimeSeconds(cfg.get(CLIENT_CHANNEL_MAX_IDLE_TIME_SECONDS))
            .clientSocketSndBufSize(cfg.get(CLIENT_SOCKET_SND_BUF_SIZE))
            .clientSocketRcvBufSize(cfg.get(CLIENT_SOCKET_RCV_BUF_SIZE))
            .clientPooledByteBufAllocatorEnable(cfg.get(CLIENT_POOLED_BYTE_BUF_ALLOCATOR_ENABLE))
            .clientCloseSocketIfTimeout(cfg.get(CLIENT_CLOSE_SOCKET_IF_TIMEOUT))
            .writeBufferHighWaterMark(cfg.get(WRITE_BUFFER_HIGH_WATER_MARK))
            .writeBufferLowWaterMark(cfg.get(WRITE_BUFFER_LOW_WATER_MARK))
            .useEpollNativeSelector(cfg.get(USE_EPOLL_NATIVE_SELECTOR))
            .build();
    }

    /** Connect with TLS, the context built from {@code TlsSettings.fromSystem()} when the client is created. */
    public boolean isUseTLS() {
        return useTLS;
    }

    public int getClientWorkerThreads() {
        return clientWorkerThreads;
    }

    public int getClientCallbackExecutorThreads() {
        return clientCallbackExecutorThreads;
    }

    public int getClientOnewaySemaphoreValue() {
        return clientOnewaySemaphoreValue;
    }

    public int getClientAsyncSemaphoreValue() {
        return clientAsyncSemaphoreValue;
    }

    public int getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public int getClientChannelMaxIdleTimeSeconds() {
        return clientChannelMaxIdleTimeSeconds;
    }

    public int getClientSocketSndBufSize() {
        return clientSocketSndBufSize;
    }

    public int getClientSocketRcvBufSize() {
        return clientSocketRcvBufSize;
    }

    public boolean isClientPooledByteBufAllocatorEnable() {
        return clientPooledByteBufAllocatorEnable;
    }

    public boolean isClientCloseSocketIfTimeout() {
        return clientCloseSocketIfTimeout;
    }

    public int getWriteBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    public int getWriteBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    public boolean isUseEpollNativeSelector() {
        return useEpollNativeSelector;
    }

    /** Largest accepted frame including its 4-byte length prefix. */
    public int getFrameMaxLength() {
        return frameMaxLength;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private int clientWorkerThreads = CLIENT_WORKER_THREADS.defaultValue();
        private int clientCallbackExecutorThreads = CLIENT_CALLBACK_EXECUTOR_THREADS.defaultValue();
        private int clientOnewaySemaphoreValue = CLIENT_ONEWAY_SEMAPHORE_VALUE.defaultValue();
        private int clientAsyncSemaphoreValue = CLIENT_ASYNC_SEMAPHORE_VALUE.defaultValue();
        private int connectTimeoutMillis = CONNECT_TIMEOUT_MILLIS.defaultValue();
        private int clientChannelMaxIdleTimeSeconds = CLIENT_CHANNEL_MAX_IDLE_TIME_SECONDS.defaultValue();
        private int clientSocketSndBufSize = CLIENT_SOCKET_SND_BUF_SIZE.defaultValue();
        private int clientSocketRcvBufSize = CLIENT_SOCKET_RCV_BUF_SIZE.defaultValue();
        private boolean clientPooledByteBufAllocatorEnable = CLIENT_POOLED_BYTE_BUF_ALLOCATOR_ENABLE.defaultValue();
        private boolean clientCloseSocketIfTimeout = CLIENT_CLOSE_SOCKET_IF_TIMEOUT.defaultValue();
        private int writeBufferHighWaterMark = WRITE_BUFFER_HIGH_WATER_MARK.defaultValue();
        private int writeBufferLowWaterMark = WRITE_BUFFER_LOW_WATER_MARK.defaultValue();
        private boolean useEpollNativeSelector = USE_EPOLL_NATIVE_SELECTOR.defaultValue();
        private int frameMaxLength = RemotingFrameDecoder.defaultFrameMaxLength();

        private boolean useTLS;

        private Builder() {
        }

        public Builder clientWorkerThreads(int v) {
            this.clientWorkerThreads = v;
            return this;
        }

        public Builder clientCallbackExecutorThreads(int v) {
            this.clientCallbackExecutorThreads = v;
            return this;
        }

        public Builder clientOnewaySemaphoreValue(int v) {
            this.clientOnewaySemaphoreValue = v;
            return this;
        }

        public Builder clientAsyncSemaphoreValue(int v) {
            this.clientAsyncSemaphoreValue = v;
            return this;
        }

        public Builder connectTimeoutMillis(int v) {
            this.connectTimeoutMillis = v;
            return this;
        }

        public Builder clientChannelMaxIdleTimeSeconds(int v) {
            this.clientChannelMaxIdleTimeSeconds = v;
            return this;
        }

        public Builder clientSocketSndBufSize(int v) {
            this.clientSocketSndBufSize = v;
            return this;
        }

        public Builder clientSocketRcvBufSize(int v) {
            this.clientSocketRcvBufSize = v;
            return this;
        }

        public Builder clientPooledByteBufAllocatorEnable(boolean v) {
            this.clientPooledByteBufAllocatorEnable = v;
            return this;
        }

        public Builder clientCloseSocketIfTimeout(boolean v) {
            this.clientCloseSocketIfTimeout = v;
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

        public Builder useEpollNativeSelector(boolean v) {
            this.useEpollNativeSelector = v;
            return this;
        }

        public Builder useTLS(boolean v) {
            this.useTLS = v;
            return this;
        }

        public Builder frameMaxLength(int v) {
            this.frameMaxLength = v;
            return this;
        }

        public NettyClientConfig build() {
            if (frameMaxLength < 8) {
                throw new IllegalArgumentException("frameMaxLength " + frameMaxLength + " is below 8");
            }
            return new NettyClientConfig(this);
        }
    }
}
