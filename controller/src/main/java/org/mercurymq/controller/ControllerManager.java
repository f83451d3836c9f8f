package org.mercurymq.controller;

import java.io.File;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.controller.liveness.BrokerLiveTracker;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.controller.liveness.InactiveBrokerScanner;
import org.mercurymq.controller.manager.ReplicasManager;
import org.mercurymq.controller.processor.ControllerRequestProcessor;
import org.mercurymq.controller.ratis.RatisEventLog;
import org.mercurymq.controller.ratis.RatisPeers;
import org.mercurymq.controller.state.ReplicaTable;
import org.mercurymq.remoting.RemotingServer;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of one controller peer, standalone or inside a name server: the Ratis peer, liveness tracking,
 * the replicas manager, the liveness scan and the request processor registered on a remoting server the caller
 * owns. start() in order, shutdown() in reverse. Thread-safe.
 */
public final class ControllerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerManager.class);
    private static final int REQUEST_QUEUE_CAPACITY = 50_000;

    private final ControllerConfig config;
    private final LongSupplier clock;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private final BrokerLiveTracker live;
    private RatisEventLog eventLog;
    private ReplicasManager manager;

    public ControllerManager(ControllerConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.live = new BrokerLiveTracker(clock);
    }

    /**
     * What the remoting server that serves this peer must tell it about connections: a closed broker connection
     * makes the brokers that heartbeat on it dead at once (see {@link BrokerLiveTracker#onChannelClosed}).
     */
    public ChannelEventListener channelEvents() {
        return new ChannelEventListener() {
            @Override
            public void onChannelConnect(String remoteAddr, RemotingChannel channel) {
            }

            @Override
            public void onChannelClose(String remoteAddr, RemotingChannel channel) {
                live.onChannelClosed(channel != null ? channel.remoteAddress() : remoteAddr);
            }

            @Override
            public void onChannelException(String remoteAddr, RemotingChannel channel) {
                live.onChannelClosed(channel != null ? channel.remoteAddress() : remoteAddr);
            }

            @Override
            public void onChannelIdle(String remoteAddr, RemotingChannel channel) {
            }
        };
    }

    /** Starts the Raft peer and the scan and registers the controller codes on {@code server} (not yet started). */
    public synchronized void start(RemotingServer server) throws IOException {
        try {
            RatisPeers peers = RatisPeers.parse(config.get(ControllerConfig.RATIS_GROUP),
                config.get(ControllerConfig.RATIS_PEERS));
            ReplicaTable table = new ReplicaTable();
            eventLog = new RatisEventLog(peers, config.get(ControllerConfig.RATIS_SELF_ID),
                new File(config.get(ControllerConfig.STORE_PATH)), table,
                config.get(ControllerConfig.RATIS_ELECTION_TIMEOUT_MIN),
                config.get(ControllerConfig.RATIS_ELECTION_TIMEOUT_MAX),
                config.get(ControllerConfig.RATIS_REQUEST_TIMEOUT), config.get(ControllerConfig.SNAPSHOT_THRESHOLD));
            eventLog.start();
            stopActions.push(eventLog::shutdown);

            manager = new ReplicasManager(eventLog, live, config.get(ControllerConfig.ENABLE_ELECT_UNCLEAN_MASTER),
                config.get(ControllerConfig.RATIS_REQUEST_TIMEOUT), config.get(ControllerConfig.LIVENESS_GRACE));
            // decisions wait for a Raft commit: keep them off the Netty threads and off the name server's executors
            ExecutorService executor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(REQUEST_QUEUE_CAPACITY), new NamedThreadFactory("ControllerRequest", true));
            stopActions.push(executor::shutdownNow);
            ControllerRequestProcessor processor = new ControllerRequestProcessor(manager);
            ControllerRequestProcessor.CODES.forEach(code -> server.registerProcessor(code, processor, executor));

            InactiveBrokerScanner scanner = new InactiveBrokerScanner(manager::scan,
                config.scanNotActiveBrokerInterval());
            scanner.start();
            stopActions.push(scanner::shutdown);
        } catch (IOException | RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    public synchronized void shutdown() {
        while (!stopActions.isEmpty()) {
            try {
                stopActions.pop().run();
            } catch (RuntimeException e) {
                LOG.warn("error while stopping the controller: {}", e.toString());
            }
        }
    }

    /** The manager (tests, embedding); null before start. */
    public ReplicasManager replicasManager() {
        return manager;
    }
}
