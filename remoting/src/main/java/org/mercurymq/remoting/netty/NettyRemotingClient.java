package org.mercurymq.remoting.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.InvokeCallback;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.RemotingClient;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.exception.RemotingConnectException;
import org.mercurymq.remoting.exception.RemotingSendRequestException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.tls.TlsContexts;
import org.mercurymq.remoting.tls.TlsSettings;
import org.mercurymq.remoting.tls.TlsSniffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remoting client: one connection per address, created on first use and replaced after it
 * closes; a null address means the current name server (docs/protocol/remoting.md §10). Pipeline per connection
 * as in {@link NettyRemotingServer}, behind an SslHandler when {@code useTLS} (docs/security.md). A sync
 * time-out or write failure closes the connection (clientCloseSocketIfTimeout) so the next call reconnects. Lifecycle: {@link #start()},
 * {@link #shutdown()}. Thread-safe.
 */
public final class NettyRemotingClient implements RemotingClient {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingClient.class);
    private static final int CALLBACK_QUEUE = 100_000;

    private final NettyClientConfig config;
    private final Transport transport;
    private final RpcHookChain hooks = new RpcHookChain();
    private final ExecutorService callbackExecutor;
    private final RequestInvoker invoker;
    private final RequestDispatcher dispatcher;
    private final ChannelEventDispatcher events;
    private final ScheduledExecutorService scanner;
    private final Clock clock;
    private final ConcurrentHashMap<String, ChannelFuture> channelTable = new ConcurrentHashMap<>();
    private final AtomicReference<List<String>> nameServers = new AtomicReference<>(Collections.<String>emptyList());
    private final AtomicReference<String> chosenNameServer = new AtomicReference<>();
    private final AtomicInteger nameServerIndex = new AtomicInteger(new Random().nextInt(1000));
    private final RemotingCommandEncoder encoder = new RemotingCommandEncoder();
    private final SslContext sslContext;

    private EventLoopGroup group;
    private Bootstrap bootstrap;
    private volatile boolean stopped;

    public NettyRemotingClient(NettyClientConfig config) {
        this(config, null);
    }

    public NettyRemotingClient(NettyClientConfig config, ChannelEventListener listener) {
        this(config, listener, Clock.systemUTC());
    }

    /**
     * {@code clock} decides response time-outs and the expiry scan (tests drive it). With {@code useTLS} the
     * TLS settings are this process's ({@link TlsSettings#fromSystem()}), as in RocketMQ.
     */
    public NettyRemotingClient(NettyClientConfig config, ChannelEventListener listener, Clock clock) {
        this(config, listener, clock, null);
    }

    /** As above; {@code tls} (null: the system's) gives the TLS client settings used when {@code useTLS}. */
    public NettyRemotingClient(NettyClientConfig config, ChannelEventListener listener, Clock clock, TlsSettings tls) {
        this.clock = clock;
        this.config = config;
        this.transport = Transport.choose(config.isUseEpollNativeSelector());
        int threads = config.getClientCallbackExecutorThreads();
        this.callbackExecutor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(CALLBACK_QUEUE), new NamedThreadFactory("NettyClientPublicExecutor", true));
        this.invoker = new RequestInvoker(config.getClientAsyncSemaphoreValue(), config.getClientOnewaySemaphoreValue(),
            hooks, callbackExecutor, clock);
        this.dispatcher = new RequestDispatcher("client", callbackExecutor, hooks);
        this.events = new ChannelEventDispatcher("NettyClientEventExecutor", listener);
        this.scanner = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("NettyClientResponseScanner", true));
        this.sslContext = config.isUseTLS() ? clientContext(tls != null ? tls : TlsSettings.fromSystem()) : null;
    }

    private static SslContext clientContext(TlsSettings settings) {
        LOG.info("TLS client: {}{}", settings.describe(false),
            settings.testMode() ? " -- TEST MODE: any server certificate is trusted, insecure (docs/security.md)" : "");
        return TlsContexts.client(settings);
    }

    @Override
    public void start() {
        events.start();
        group = transport.newGroup(config.getClientWorkerThreads(), "NettyClientSelector");
        ConnectionEventHandler connectionHandler = new ConnectionEventHandler("client", events, this::onChannelClosed);
        CommandHandler commandHandler = new CommandHandler(invoker, dispatcher);
        bootstrap = new Bootstrap()
            .group(group)
            .channel(transport.channelClass())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
            .option(ChannelOption.ALLOCATOR, config.isClientPooledByteBufAllocatorEnable()
                ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    if (sslContext != null) {
                        ch.pipeline().addLast(TlsSniffer.SSL_HANDLER_NAME, sslContext.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(
                        new IdleStateHandler(0, 0, config.getClientChannelMaxIdleTimeSeconds()),
                        connectionHandler,
                        encoder,
                        new RemotingFrameDecoder(config.getFrameMaxLength()),
                        commandHandler);
                }
            });
        if (config.getClientSocketSndBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.getClientSocketSndBufSize());
        }
        if (config.getClientSocketRcvBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.getClientSocketRcvBufSize());
        }
        if (config.getWriteBufferLowWaterMark() > 0 && config.getWriteBufferHighWaterMark() > 0) {
            bootstrap.option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(config.getWriteBufferLowWaterMark(), config.getWriteBufferHighWaterMark()));
        }
        scanner.scheduleAtFixedRate(this::scanResponseTable, 1000, 1000, TimeUnit.MILLISECONDS);
    }

    private void scanResponseTable() {
        try {
            invoker.scanExpired(clock.millis());
        } catch (Throwable t) {
            LOG.warn("response table scan failed: {}", t.toString());
        }
    }

    @Override
    public void shutdown() {
        stopped = true;
        scanner.shutdownNow();
        for (ChannelFuture f : new ArrayList<>(channelTable.values())) {
            f.channel().close().awaitUninterruptibly(3000);
        }
        channelTable.clear();
        invoker.failAll("client shut down");
        if (group != null) {
            group.shutdownGracefully(0, 3, TimeUnit.SECONDS).awaitUninterruptibly(5000);
        }
        events.shutdown();
        callbackExecutor.shutdown();
        try {
            callbackExecutor.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void registerRPCHook(RPCHook rpcHook) {
        hooks.add(rpcHook);
    }

    @Override
    public void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor) {
        dispatcher.register(requestCode, processor, executor);
    }

    @Override
    public void updateNameServerAddressList(List<String> addrs) {
        List<String> next = Collections.unmodifiableList(new ArrayList<>(addrs));
        List<String> prev = nameServers.getAndSet(next);
        if (!prev.equals(next)) {
            LOG.info("name server address list updated: {} -> {}", prev, next);
            String chosen = chosenNameServer.get();
            if (chosen != null && !next.contains(chosen)) {
                chosenNameServer.compareAndSet(chosen, null);
            }
        }
    }

    @Override
    public List<String> getNameServerAddressList() {
        return nameServers.get();
    }

    /** The name server currently in use, or null before the first name server call. */
    public String getChosenNameServer() {
        return chosenNameServer.get();
    }

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException {
        long begin = clock.millis();
        Channel channel = channelFor(addr);
        String target = RemotingHelper.parseChannelRemoteAddr(channel);
        long left = timeoutMillis - (clock.millis() - begin);
        if (left <= 0) {
            throw new RemotingTimeoutException("invokeSync to " + target + " timed out while connecting");
        }
        try {
            return invoker.invokeSync(channel, request, left);
        } catch (RemotingSendRequestException e) {
            LOG.warn("invokeSync: send request to {} failed, closing the connection", target);
            closeChannel(channel);
            throw e;
        } catch (RemotingTimeoutException e) {
            if (config.isClientCloseSocketIfTimeout()) {
                LOG.warn("invokeSync: no response from {} within {}ms, closing the connection", target, left);
                closeChannel(channel);
            }
            throw e;
        }
    }

    @Override
    public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException {
        long begin = clock.millis();
        Channel channel = channelFor(addr);
        long left = timeoutMillis - (clock.millis() - begin);
        if (left <= 0) {
            throw new RemotingTimeoutException("invokeAsync to " + addr + " timed out while connecting");
        }
        try {
            invoker.invokeAsync(channel, request, left, invokeCallback);
        } catch (RemotingSendRequestException e) {
            closeChannel(channel);
            throw e;
        }
    }

    @Override
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException {
        Channel channel = channelFor(addr);
        try {
            invoker.invokeOneway(channel, request, timeoutMillis);
        } catch (RemotingSendRequestException e) {
            closeChannel(channel);
            throw e;
        }
    }

    @Override
    public boolean isChannelWritable(String addr) {
        ChannelFuture f = channelTable.get(addr);
        return f != null && f.isDone() && f.channel().isActive() && f.channel().isWritable();
    }

    @Override
    public void closeChannels(List<String> addrs) {
        for (String addr : addrs) {
            ChannelFuture f = channelTable.remove(addr);
            if (f != null) {
                f.channel().close();
            }
        }
    }

    int pendingCallCount() {
        return invoker.pendingCount();
    }

    private Channel channelFor(String addr) throws InterruptedException, RemotingConnectException {
        if (stopped || bootstrap == null) {
            throw new RemotingConnectException("client is not running");
        }
        return addr == null ? nameServerChannel() : connect(addr);
    }

    /** Keeps using the chosen name server while it works; otherwise tries the others from a rotating start. */
    private Channel nameServerChannel() throws InterruptedException, RemotingConnectException {
        String chosen = chosenNameServer.get();
        if (chosen != null) {
            try {
                return connect(chosen);
            } catch (RemotingConnectException e) {
                chosenNameServer.compareAndSet(chosen, null);
            }
        }
        List<String> list = nameServers.get();
        if (list.isEmpty()) {
            throw new RemotingConnectException("no name server address configured");
        }
        RemotingConnectException last = null;
        for (int i = 0; i < list.size(); i++) {
            String candidate = list.get(Math.abs(nameServerIndex.getAndIncrement() % list.size()));
            try {
                Channel ch = connect(candidate);
                chosenNameServer.set(candidate);
                LOG.info("using name server {}", candidate);
                return ch;
            } catch (RemotingConnectException e) {
                last = e;
            }
        }
        throw new RemotingConnectException("no name server reachable among " + list, last);
    }

    /** The live connection to {@code addr}, connecting (once, even with concurrent callers) if needed. */
    private Channel connect(String addr) throws InterruptedException, RemotingConnectException {
        ChannelFuture f = channelTable.get(addr);
        if (f == null || (f.isDone() && !f.channel().isActive())) {
            ChannelFuture stale = f;
            f = channelTable.compute(addr, (k, cur) -> cur == null || cur == stale ? newConnection(k) : cur);
        }
        if (!f.awaitUninterruptibly(config.getConnectTimeoutMillis())) {
            throw new RemotingConnectException("connect to " + addr + " timed out after " + config.getConnectTimeoutMillis() + "ms");
        }
        if (!f.isSuccess() || !f.channel().isActive()) {
            channelTable.remove(addr, f);
            throw new RemotingConnectException("connect to " + addr + " failed: "
                + (f.cause() == null ? "connection closed" : f.cause().toString()));
        }
        return f.channel();
    }

    private ChannelFuture newConnection(String addr) {
        LOG.info("connecting to {}", addr);
        return bootstrap.connect(RemotingHelper.string2SocketAddress(addr));
    }

    private void closeChannel(Channel channel) {
        removeFromTable(channel);
        channel.close();
    }

    private void onChannelClosed(Channel channel) {
        removeFromTable(channel);
        invoker.failChannel(channel);
    }

    private void removeFromTable(Channel channel) {
        channelTable.entrySet().removeIf(e -> e.getValue().channel() == channel);
        String chosen = chosenNameServer.get();
        if (chosen != null && chosen.equals(RemotingHelper.parseChannelRemoteAddr(channel))) {
            chosenNameServer.compareAndSet(chosen, null);
        }
    }
}
