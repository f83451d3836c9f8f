package org.mercurymq.broker.out;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.mercurymq.common.DataVersion;
import org.mercurymq.remoting.RemotingClient;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.RegisterBrokerBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.QueryDataVersionResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's calls to the name servers (docs/protocol/codes.md §1.2): REGISTER_BROKER to every name server in
 * parallel (sync, or oneway for immediate re-registration after a change) and UNREGISTER_BROKER at
 * shutdown. A failure is one log line naming the name server. Lifecycle: {@link #start()},
 * {@link #shutdown()}. Thread-safe.
 */
public final class BrokerOuterAPI {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerOuterAPI.class);

    private final RemotingClient client;
    private final ExecutorService executor = new ThreadPoolExecutor(4, 10, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(32), new NamedThreadFactory("brokerOutApi_thread", true));

    public BrokerOuterAPI(RemotingClient client) {
        this.client = client;
    }

    public void start() {
        client.start();
    }

    public void shutdown() {
        executor.shutdownNow();
        client.shutdown();
    }

    /** The answer of one name server to a synchronous registration. */
    public static final class RegisterResult {
        public final String namesrvAddr;
        public final String masterAddr;
        public final String haServerAddr;

        RegisterResult(String namesrvAddr, String masterAddr, String haServerAddr) {
            this.namesrvAddr = namesrvAddr;
            this.masterAddr = masterAddr;
            this.haServerAddr = haServerAddr;
        }
    }

    /** Registers with every name server; returns the successful synchronous answers (none when oneway). */
    public List<RegisterResult> registerBrokerAll(List<String> namesrvAddrs, BrokerIdentity identity,
                                                  TopicConfigSerializeWrapper topics, boolean oneway,
                                                  long timeoutMillis, boolean compressed) {
        if (namesrvAddrs.isEmpty()) {
            return Collections.emptyList();
        }
        byte[] body = new RegisterBrokerBody(topics, Collections.<String>emptyList()).encode(compressed);
        CRC32 crc = new CRC32();
        crc.update(body);
        int bodyCrc32 = (int) (crc.getValue() & 0x7FFFFFFF);
        List<RegisterResult> results = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(namesrvAddrs.size());
        for (String addr : namesrvAddrs) {
            Runnable task = () -> {
                try {
                    RegisterResult r = registerBroker(addr, identity, body, bodyCrc32, compressed, oneway, timeoutMillis);
                    if (r != null) {
                        results.add(r);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.warn("register broker {} to name server {} failed: {}", identity, addr, e.toString());
                } finally {
                    done.countDown();
                }
            };
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                LOG.warn("register broker {} to name server {} skipped: too many registrations in flight", identity, addr);
                done.countDown();
            }
        }
        try {
            done.await(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(results);
    }

    private RegisterResult registerBroker(String addr, BrokerIdentity id, byte[] body, int bodyCrc32, boolean compressed,
                                          boolean oneway, long timeoutMillis) throws Exception {
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(id.brokerName(), id.brokerAddr(),
            id.clusterName(), id.haServerAddr(), id.brokerId(), compressed, bodyCrc32);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setBody(body);
        if (oneway) {
            client.invokeOneway(addr, request, timeoutMillis);
            return null;
        }
        RemotingCommand response = client.invokeSync(addr, request, timeoutMillis);
        if (response.getCode() != ResponseCode.SUCCESS.code()) {
            throw new IllegalStateException("name server answered " + ResponseCode.describe(response.getCode()) + ": "
                + response.getRemark());
        }
        RegisterBrokerResponseHeader rh = response.decodeCommandCustomHeader(RegisterBrokerResponseHeader.class);
        LOG.debug("registered broker {} to name server {}", id, addr);
        return new RegisterResult(addr, rh.getMasterAddr(), rh.getHaServerAddr());
    }

    /**
     * QUERY_DATA_VERSION (322) to every name server: true when one of them holds other topic data for this broker
     * (or none), or cannot be asked; false only when all confirm {@code version}.
     */
    public boolean needRegister(List<String> namesrvAddrs, BrokerIdentity id, DataVersion version, long timeoutMillis) {
        boolean need = false;
        for (String addr : namesrvAddrs) {
            try {
                RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_DATA_VERSION,
                    new QueryDataVersionRequestHeader(id.brokerName(), id.brokerAddr(), id.clusterName(), id.brokerId()));
                request.setBody(version.toJson().getBytes(StandardCharsets.UTF_8));
                RemotingCommand response = client.invokeSync(addr, request, timeoutMillis);
                if (response.getCode() != ResponseCode.SUCCESS.code()) {
                    need = true;
                    continue;
                }
                QueryDataVersionResponseHeader h = response.decodeCommandCustomHeader(QueryDataVersionResponseHeader.class);
                need |= h.getChanged() == null || h.getChanged();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (Exception e) {
                LOG.warn("data version query to name server {} failed: {}", addr, e.toString());
                need = true;
            }
        }
        return need;
    }

    /** Unregisters from every name server; failures are logged. */
    public void unregisterBrokerAll(List<String> namesrvAddrs, BrokerIdentity id, long timeoutMillis) {
        for (String addr : namesrvAddrs) {
            try {
                RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER,
                    new UnRegisterBrokerRequestHeader(id.brokerName(), id.brokerAddr(), id.clusterName(), id.brokerId()));
                RemotingCommand response = client.invokeSync(addr, request, timeoutMillis);
                if (response.getCode() != ResponseCode.SUCCESS.code()) {
                    LOG.warn("unregister broker {} from name server {}: {}", id, addr, ResponseCode.describe(response.getCode()));
                } else {
                    LOG.info("unregistered broker {} from name server {}", id, addr);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("unregister broker {} from name server {} failed: {}", id, addr, e.toString());
            }
        }
    }
}
