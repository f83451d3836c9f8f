package org.mercurymq.remoting.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.InvokeCallback;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RemotingServer;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.exception.RemotingSendRequestException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.tls.ServerTls;
import org.mercurymq.remoting.tls.TlsSniffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remoting server: one acceptor thread, {@code serverSelectorThreads} IO threads, requests
 * dispatched by code to processors on their executors. Pipeline per connection:
 * <pre>
 *   socket -> IdleStateHandler -> [TlsSniffer | SslHandler] -> ConnectionEventHandler -> RemotingFrameDecoder -> CommandHandler
 *                                                                                    (IncompleteFrameBudget, shared)
 *   socket <- [SslHandler] <- RemotingCommandEncoder <---------------------------------------------- (writes)
 * </pre>
 * The {@link TlsSniffer} decides per connection from its first byte whether an SslHandler goes in
 * ({@link ServerTls}, docs/security.md).
 * Lifecycle: register processors, {@link #start()}, {@link #shutdown()}. Thread-safe.
 */
public final class NettyRemotingServer implements RemotingServer {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingServer.class);
    private static final int PUBLIC_EXECUTOR_QUEUE = 10000;
    /**
     * Responses written from the processor threads are flushed once per batch of the event loop's tasks rather than
     * one write(2) each (FlushConsolidationHandler, also while no read is in progress); a flush is forced after this
     * many pending ones.
     */
    private static final int MAX_FLUSHES_CONSOLIDATED = 256;

    private final NettyServerConfig config;
    private final Transport transport;
    private final RpcHookChain hooks = new RpcHookChain();
    private final ExecutorService publicExecutor;
    private final RequestInvoker invoker;
    private final RequestDispatcher dispatcher;
    private final ChannelEventDispatcher events;
    private final ChannelGroup channels = new DefaultChannelGroup("mercury-server-channels", GlobalEventExecutor.INSTANCE);
    private final ScheduledExecutorService scanner;
    private final Clock clock;
    private final RemotingCommandEncoder encoder = new RemotingCommandEncoder();
    private final IncompleteFrameBudget incompleteFrames;
    private final ServerTls tls;
    private final TlsSniffer sniffer;

    private EventLoopGroup bossGroup;
    private EventLoopGroup selectorGroup;
    private Channel serverChannel;
    private volatile int localPort = -1;

    public NettyRemotingServer(NettyServerConfig config) {
        this(config, null);
    }

    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener listener) {
        this(config, listener, Clock.systemUTC());
    }

    /** {@code clock} decides response time-outs and the expiry scan (tests drive it). Plaintext only. */
    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener listener, Clock clock) {
        this(config, listener, clock, ServerTls.disabled());
    }

    /** As above, with the TLS mode and context of this port ({@link ServerTls}). */
    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener listener, Clock clock, ServerTls tls) {
        this.clock = clock;
        this.tls = tls;
        this.sniffer = new TlsSniffer(tls);
        this.config = config;
        this.transport = Transport.choose(config.isUseEpollNativeSelector());
        int publicThreads = config.getServerCallbackExecutorThreads() > 0 ? config.getServerCallbackExecutorThreads() : 4;
        this.publicExecutor = new ThreadPoolExecutor(publicThreads, publicThreads, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(PUBLIC_EXECUTOR_QUEUE), new NamedThreadFactory("NettyServerPublicExecutor", true));
        this.invoker = new RequestInvoker(config.getServerAsyncSemaphoreValue(), config.getServerOnewaySemaphoreValue(),
            hooks, publicExecutor, clock);
        this.dispatcher = new RequestDispatcher("server", publicExecutor, hooks);
        this.events = new ChannelEventDispatcher("NettyServerEventExecutor", listener);
        this.scanner = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("NettyServerResponseScanner", true));
        this.incompleteFrames = new IncompleteFrameBudget(config.getIncompleteFrameBytesPerConnection(),
            config.getIncompleteFrameBytesTotal(), System::nanoTime);
    }

    @Override
    public void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor) {
        dispatcher.register(requestCode, processor, executor);
    }

    @Override
    public void registerDefaultProcessor(RequestProcessor processor, ExecutorService executor) {
        dispatcher.registerDefault(processor, executor);
    }

    @Override
    public void registerRPCHook(RPCHook rpcHook) {
        hooks.add(rpcHook);
    }

    @Override
    public void start() {
        events.start();
        bossGroup = transport.newGroup(1, "NettyServerBoss");
        selectorGroup = transport.newGroup(config.getServerSelectorThreads(), "NettyServerSelector");
        ConnectionEventHandler connectionHandler = new ConnectionEventHandler("server", events, invoker::failChannel);
        CommandHandler commandHandler = new CommandHandler(invoker, dispatcher);
        ServerBootstrap b = new ServerBootstrap()
            .group(bossGroup, selectorGroup)
            .channel(transport.serverChannelClass())
            .option(ChannelOption.SO_BACKLOG, config.getServerSocketBacklog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, config.isServerPooledByteBufAllocatorEnable()
                ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    ch.pipeline().addLast(new FlushConsolidationHandler(MAX_FLUSHES_CONSOLIDATED, true));
                    ch.pipeline().addLast(new IdleStateHandler(0, 0, config.getServerChannelMaxIdleTimeSeconds()));
                    ch.pipeline().addLast(TlsSniffer.NAME, sniffer);
                    ch.pipeline().addLast(
                        connectionHandler,
                        encoder,
                        new RemotingFrameDecoder(config.getFrameMaxLength(), incompleteFrames),
                        commandHandler);
                }
            });
        if (config.getServerSocketSndBufSize() > 0) {
            b.childOption(ChannelOption.SO_SNDBUF, config.getServerSocketSndBufSize());
        }
        if (config.getServerSocketRcvBufSize() > 0) {
            b.childOption(ChannelOption.SO_RCVBUF, config.getServerSocketRcvBufSize());
        }
        if (config.getWriteBufferLowWaterMark() > 0 && config.getWriteBufferHighWaterMark() > 0) {
            b.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(config.getWriteBufferLowWaterMark(), config.getWriteBufferHighWaterMark()));
        }
        try {
            serverChannel = b.bind(new InetSocketAddress(config.getBindAddress(), config.getListenPort())).sync().channel();
        } catch (Exception e) {
            shutdownEventLoops();
            events.shutdown();
            throw new IllegalStateException("cannot listen on " + config.getBindAddress() + ":" + config.getListenPort()
                + ": " + e, e);
        }
        localPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        scanner.scheduleAtFixedRate(this::scanResponseTable, 1000, 1000, TimeUnit.MILLISECONDS);
        LOG.info("remoting server listening on {}:{} ({}, tls.server.mode={})", config.getBindAddress(), localPort, transport,
            tls.mode().text());
    }

    private void scanResponseTable() {
        try {
            invoker.scanExpired(clock.millis());
        } catch (Throwable t) {
            LOG.warn("response table scan failed: {}", t.toString());
        }
    }

    @Override
    public int localListenPort() {
        return localPort;
    }

    /** Number of open client connections. */
    public int connectionCount() {
        return channels.size();
    }

    /** Bytes held by the incomplete frames of all connections now. */
    public long incompleteFrameBytes() {
        return incompleteFrames.total();
    }

    /** Connections closed so far because their incomplete frames held too much. */
    public long connectionsClosedForIncompleteFrames() {
        return incompleteFrames.closedConnections();
    }

    int pendingCallCount() {
        return invoker.pendingCount();
    }

    @Override
    public RemotingCommand invokeSync(RemotingChannel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        return invoker.invokeSync(nettyChannel(channel), request, timeoutMillis);
    }

    @Override
    public void invokeAsync(RemotingChannel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        invoker.invokeAsync(nettyChannel(channel), request, timeoutMillis, invokeCallback);
    }

    @Override
    public void invokeOneway(RemotingChannel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        invoker.invokeOneway(nettyChannel(channel), request, timeoutMillis);
    }

    private static Channel nettyChannel(RemotingChannel channel) {
        if (!(channel instanceof NettyChannel)) {
            throw new IllegalArgumentException("not a channel of this server: " + channel);
        }
        return ((NettyChannel) channel).channel();
    }

    @Override
    public void shutdown() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(3000);
        }
        channels.close().awaitUninterruptibly(3000);
        scanner.shutdownNow();
        invoker.failAll("server shut down");
        shutdownEventLoops();
        events.shutdown();
        publicExecutor.shutdown();
        try {
            publicExecutor.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("remoting server on port {} shut down", localPort);
    }

    private void shutdownEventLoops() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 3, TimeUnit.SECONDS).awaitUninterruptibly(5000);
        }
        if (selectorGroup != null) {
            selectorGroup.shutdownGracefully(0, 3, TimeUnit.SECONDS).awaitUninterruptibly(5000);
        }
    }
}
