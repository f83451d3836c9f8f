package org.mercurymq.namesrv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.controller.ControllerConfig;
import org.mercurymq.controller.ControllerManager;
import org.mercurymq.metrics.PrometheusEndpoint;
import org.mercurymq.namesrv.kvconfig.KVConfigManager;
import org.mercurymq.namesrv.metrics.NamesrvMetrics;
import org.mercurymq.namesrv.metrics.RequestCounter;
import org.mercurymq.namesrv.processor.BrokerRegistrationProcessor;
import org.mercurymq.namesrv.processor.NamesrvAdminProcessor;
import org.mercurymq.namesrv.processor.RouteQueryProcessor;
import org.mercurymq.namesrv.processor.UnsupportedRequestProcessor;
import org.mercurymq.namesrv.routeinfo.BrokerHousekeeping;
import org.mercurymq.namesrv.routeinfo.BrokerLivenessScanner;
import org.mercurymq.namesrv.routeinfo.RouteInfoManager;
import org.mercurymq.remoting.ChannelEventFanout;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingServer;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.tls.ServerTls;
import org.mercurymq.remoting.tls.TlsSettings;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the name server: builds the route table, KV config, processors, executors, the remoting
 * server and the liveness scanner; {@link #start()} starts them in order and {@link #shutdown()} stops them in
 * reverse. Route lookups and registrations run on separate executors so lookups never queue behind
 * registrations. Thread-safe; start() once, shutdown() any number of times.
 */
public final class NamesrvController {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvController.class);
    private static final int QUERY_QUEUE_CAPACITY = 10_000;
    private static final int REGISTER_QUEUE_CAPACITY = 10_000;

    private final NamesrvConfig config;
    private final RouteInfoManager routes;
    private final KVConfigManager kvConfig;
    private final LongSupplier clock;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile RemotingServer server;
    private volatile int metricsPort = -1;
    private boolean started;

    public NamesrvController(NamesrvConfig config) {
        this(config, System::currentTimeMillis);
    }

    /** @param clock milliseconds; tests inject one to drive broker expiry */
    public NamesrvController(NamesrvConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.routes = new RouteInfoManager(clock);
        this.kvConfig = new KVConfigManager(Path.of(config.get(NamesrvConfig.KV_CONFIG_PATH)));
    }

    /** Starts everything or, on failure, stops what was started and throws with the reason. */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("name server already started");
        }
        started = true;
        try {
            kvConfig.load();

            NettyServerConfig nettyConfig = config.nettyServerConfig();
            ExecutorService queryExecutor = newExecutor("NamesrvRouteQuery", nettyConfig.getServerWorkerThreads(),
                QUERY_QUEUE_CAPACITY);
            stopActions.push(() -> stopExecutor(queryExecutor));
            ExecutorService registerExecutor = newExecutor("NamesrvBrokerRegister",
                Math.max(2, nettyConfig.getServerWorkerThreads() / 2), REGISTER_QUEUE_CAPACITY);
            stopActions.push(() -> stopExecutor(registerExecutor));

            // TLS settings are this process's -D properties and tls.config.file, as RocketMQ (docs/security.md)
            ServerTls tls = ServerTls.from(TlsSettings.fromSystem(), System.currentTimeMillis());
            // a controller peer on this name server's port: brokers list the name servers as controllerAddr
            ControllerManager controllerPeer = config.get(NamesrvConfig.ENABLE_CONTROLLER_IN_NAMESRV)
                ? new ControllerManager(new ControllerConfig(config.current()), clock) : null;
            ChannelEventListener connectionEvents = controllerPeer == null ? new BrokerHousekeeping(routes)
                : new ChannelEventFanout(new BrokerHousekeeping(routes), controllerPeer.channelEvents());
            NettyRemotingServer remotingServer = new NettyRemotingServer(nettyConfig, connectionEvents,
                Clock.systemUTC(), tls);
            RouteQueryProcessor queries = new RouteQueryProcessor(routes, kvConfig,
                () -> config.get(NamesrvConfig.ORDER_MESSAGE_ENABLE));
            BrokerRegistrationProcessor registrations = new BrokerRegistrationProcessor(routes, kvConfig);
            NamesrvAdminProcessor admin = new NamesrvAdminProcessor(routes, kvConfig, config);
            RequestCounter requests = new RequestCounter();
            RequestProcessor countedQueries = requests.wrap(queries);
            RequestProcessor countedRegistrations = requests.wrap(registrations);
            RequestProcessor countedAdmin = requests.wrap(admin);
            queries.codes().forEach(code -> remotingServer.registerProcessor(code, countedQueries, queryExecutor));
            registrations.codes().forEach(code -> remotingServer.registerProcessor(code, countedRegistrations,
                registerExecutor));
            admin.codes().forEach(code -> remotingServer.registerProcessor(code, countedAdmin, registerExecutor));
            remotingServer.registerDefaultProcessor(requests.wrap(new UnsupportedRequestProcessor()), queryExecutor);
            if (controllerPeer != null) {
                controllerPeer.start(remotingServer);
                stopActions.push(controllerPeer::shutdown);
            }
            // the metrics endpoint (docs/metrics.md) starts before the listener so a bad port fails start-up early
            PrometheusEndpoint metrics = PrometheusEndpoint.fromConfig("namesrv", config.current(),
                List.of(new NamesrvMetrics(routes, requests)));
            metrics.start();
            stopActions.push(metrics::shutdown);
            metricsPort = metrics.port();
            remotingServer.start();
            stopActions.push(remotingServer::shutdown);
            server = remotingServer;

            BrokerLivenessScanner scanner = new BrokerLivenessScanner(routes,
                config.get(NamesrvConfig.SCAN_NOT_ACTIVE_BROKER_INTERVAL),
                () -> config.get(NamesrvConfig.BROKER_CHANNEL_EXPIRED_TIME));
            scanner.start();
            stopActions.push(scanner::shutdown);
            LOG.info("name server started on {}:{}", nettyConfig.getBindAddress(), remotingServer.localListenPort());
        } catch (IOException | RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    private static ExecutorService newExecutor(String name, int threads, int capacity) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(capacity),
            new NamedThreadFactory(name, true));
    }

    private static void stopExecutor(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops in reverse start order; idempotent. */
    public synchronized void shutdown() {
        while (!stopActions.isEmpty()) {
            Runnable action = stopActions.pop();
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("error while stopping the name server: {}", e.toString());
            }
        }
        terminated.countDown();
    }

    /** Blocks until {@link #shutdown()} has run. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** The bound port (the real one when configured with 0); -1 before start. */
    public int listenPort() {
        RemotingServer s = server;
        return s == null ? -1 : s.localListenPort();
    }

    /** The bound port of the metrics endpoint; -1 when it is off or before start. */
    public int metricsPort() {
        return metricsPort;
    }

    public RouteInfoManager routes() {
        return routes;
    }

    public KVConfigManager kvConfig() {
        return kvConfig;
    }

    public NamesrvConfig config() {
        return config;
    }
}
