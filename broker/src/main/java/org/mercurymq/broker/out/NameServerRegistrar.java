package org.mercurymq.broker.out;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the name servers informed (docs/protocol/behaviour.md §2): registers at start (immediately, so clients can route
 * at once), every {@code registerNameServerPeriod} (clamped to 10–60 s), and right after a topic or
 * permission change (oneway; requests arriving while one is pending are coalesced); unregisters at
 * shutdown. When the broker permission is not read-write every topic is registered with it. All work runs
 * on one named thread. Thread-safe.
 */
public final class NameServerRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(NameServerRegistrar.class);

    private final BrokerOuterAPI outerAPI;
    private final Supplier<BrokerConfig> config;
    private final Supplier<TopicConfigSerializeWrapper> topics;
    private volatile BrokerIdentity identity;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile java.util.function.BooleanSupplier entitled = () -> true;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerNameServerRegistrar", true));
    private final AtomicBoolean changePending = new AtomicBoolean();
    private volatile String masterAddr;
    private volatile String haServerAddr;
    private volatile java.util.function.Consumer<String> haServerAddrListener = a -> { };

    public NameServerRegistrar(BrokerOuterAPI outerAPI, Supplier<BrokerConfig> config,
                               Supplier<TopicConfigSerializeWrapper> topics, BrokerIdentity identity) {
        this.outerAPI = outerAPI;
        this.config = config;
        this.topics = topics;
        this.identity = identity;
    }

    static long clampPeriod(int configured) {
        return Math.max(10_000, Math.min(60_000, configured));
    }

    /** Registers once synchronously, then schedules the periodic registration; later calls do nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        registerAll(false);
        long period = clampPeriod(config.get().get(BrokerConfigKeys.REGISTER_NAME_SERVER_PERIOD));
        scheduler.scheduleAtFixedRate(this::registerPeriodically, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Controller mode: registers as {@code next} from now on (a role switch changes the id and the HA address) and
     * registers at once; the name server replaces the entry of the same address under the old id.
     */
    public void changeIdentity(BrokerIdentity next) {
        BrokerIdentity old = identity;
        identity = next;
        LOG.info("registering as {} (HA {}) instead of {}", next, next.haServerAddr(), old);
        if (started.get()) {
            registerAll(false);
        } else {
            start();
        }
    }

    public BrokerIdentity identity() {
        return identity;
    }

    /** Re-registers soon (oneway), e.g. after a topic was created. */
    public void registerOnChange() {
        if (!started.get() || !changePending.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                changePending.set(false);
                if (stillEntitled()) {
                    registerAll(true);
                }
            });
        } catch (RejectedExecutionException e) {
            changePending.set(false);
        }
    }

    /** Stops the schedule and unregisters from every name server. */
    public void shutdown() {
        scheduler.shutdownNow();
        if (!started.get()) {
            return;
        }
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BrokerConfig c = config.get();
        outerAPI.unregisterBrokerAll(c.namesrvAddrs(), identity, c.get(BrokerConfigKeys.REGISTER_BROKER_TIMEOUT_MILLS));
    }

    /**
     * Controller mode: asked before every periodic or change-driven registration; false skips it. A master that was
     * frozen or cut off must not register as brokerId 0 again after another replica was elected: that would replace
     * the new master's entry in the name servers (docs/controller.md, "Pauses and partitions").
     */
    public void setRegistrationCheck(java.util.function.BooleanSupplier check) {
        this.entitled = check;
    }

    private boolean stillEntitled() {
        try {
            if (entitled.getAsBoolean()) {
                return true;
            }
        } catch (RuntimeException e) {
            LOG.warn("registration check failed, registering anyway: {}", e.toString());
            return true;
        }
        LOG.warn("registration as {} skipped: the controller names another master", identity);
        return false;
    }

    /** Called with the master's HA address each time a registration reply carries one (slaves). */
    public void setHaServerAddrListener(java.util.function.Consumer<String> listener) {
        this.haServerAddrListener = listener;
    }

    /** The master's HA address the name server reported (slaves), or null. */
    public String haServerAddr() {
        return haServerAddr;
    }

    /** The master address the name server reported (slaves), or null. */
    public String masterAddr() {
        return masterAddr;
    }

    /**
     * The periodic registration. With {@code forceRegister=false} the broker first asks every name server whether
     * its topic data version changed (QUERY_DATA_VERSION, which also counts as a sign of life) and sends the full
     * registration only when one says so or cannot be asked.
     */
    void registerPeriodically() {
        if (!stillEntitled()) {
            return;
        }
        BrokerConfig c = config.get();
        if (!c.get(BrokerConfigKeys.FORCE_REGISTER)) {
            try {
                if (!outerAPI.needRegister(c.namesrvAddrs(), identity, topics.get().getDataVersion(),
                    c.get(BrokerConfigKeys.REGISTER_BROKER_TIMEOUT_MILLS))) {
                    LOG.debug("topic data unchanged on every name server: registration skipped (forceRegister=false)");
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("data version query failed, registering anyway: {}", e.toString());
            }
        }
        registerAll(false);
    }

    void registerAll(boolean oneway) {
        try {
            BrokerConfig c = config.get();
            TopicConfigSerializeWrapper wrapper = topicsToRegister(topics.get(), c.brokerPermission());
            List<BrokerOuterAPI.RegisterResult> results = outerAPI.registerBrokerAll(c.namesrvAddrs(), identity, wrapper,
                oneway, c.get(BrokerConfigKeys.REGISTER_BROKER_TIMEOUT_MILLS), c.get(BrokerConfigKeys.COMPRESSED_REGISTER));
            for (BrokerOuterAPI.RegisterResult r : results) {
                if (r.masterAddr != null && !r.masterAddr.isEmpty()) {
                    // kept while the master is gone, so the slave keeps trying the last master it knew
                    masterAddr = r.masterAddr;
                }
                if (r.haServerAddr != null && !r.haServerAddr.isEmpty()) {
                    haServerAddr = r.haServerAddr;
                    haServerAddrListener.accept(r.haServerAddr);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("registering broker {} failed", identity, e);
        }
    }

    /** docs/protocol/behaviour.md §1: a broker that is not read-write registers every topic with its own permission. */
    static TopicConfigSerializeWrapper topicsToRegister(TopicConfigSerializeWrapper wrapper, int brokerPermission) {
        if (PermName.isWriteable(brokerPermission) && PermName.isReadable(brokerPermission)) {
            return wrapper;
        }
        Map<String, TopicConfig> out = new TreeMap<>();
        for (TopicConfig t : wrapper.getTopicConfigTable().values()) {
            out.put(t.getTopicName(), t.withPerm(brokerPermission));
        }
        return new TopicConfigSerializeWrapper(out, wrapper.getDataVersion());
    }
}
