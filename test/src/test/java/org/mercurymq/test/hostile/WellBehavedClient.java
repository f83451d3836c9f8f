package org.mercurymq.test.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.mercurymq.remoting.protocol.header.SendMessageResponseHeader;

/**
 * One long-lived connection to each server that keeps checking answers during a hostile run: sends to
 * the broker must succeed with consecutive queue offsets, the NameServer's cluster info must name the
 * broker. SYSTEM_BUSY (the broker's flow control when a request waited too long in its queue) is counted and
 * retried, as RocketMQ clients do; everything else counts as a failure. Lifecycle: {@link #start()}, {@link #stop()}.
 */
final class WellBehavedClient {
    private static final String TOPIC = "WELL_BEHAVED";

    private final String brokerAddr;
    private final String namesrvAddr;
    private final String brokerName;
    private final NettyRemotingClient client = new NettyRemotingClient(NettyClientConfig.builder().build());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private Thread thread;
    private long nextOffset = -1;

    WellBehavedClient(String brokerAddr, String namesrvAddr, String brokerName) {
        this.brokerAddr = brokerAddr;
        this.namesrvAddr = namesrvAddr;
        this.brokerName = brokerName;
    }

    /** Starts the client and makes the first (checked) calls before returning. */
    void start() throws Exception {
        client.start();
        callOnce();
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    callOnce();
                } catch (Exception e) {
                    failure(e.toString());
                }
            }
        }, "well-behaved-client");
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(30_000);
        }
        client.shutdown();
    }

    long ok() {
        return ok.get();
    }

    /** Sends answered SYSTEM_BUSY (flow control), which a client retries. */
    long busy() {
        return busy.get();
    }

    synchronized List<String> failures() {
        return new ArrayList<>(failures);
    }

    private synchronized void failure(String f) {
        if (failures.size() < 20) {
            failures.add(f);
        }
    }

    private void callOnce() throws Exception {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("WELL_PG");
        h.setTopic(TOPIC);
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(1);
        h.setQueueId(0);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        h.setProperties("WAIT\u0001true\u0002");
        RemotingCommand send = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(h));
        send.setBody(("m" + ok.get()).getBytes(StandardCharsets.UTF_8));
        RemotingCommand sent = client.invokeSync(brokerAddr, send, 10_000);
        if (sent.getCode() == ResponseCode.SYSTEM_BUSY.code()) {
            // the broker's back-pressure (a request waited too long in its queue): RocketMQ clients retry
            busy.incrementAndGet();
            return;
        }
        if (sent.getCode() != ResponseCode.SUCCESS.code()) {
            failure("send answered " + sent.getCode() + " " + sent.getRemark());
            return;
        }
        long offset = sent.decodeCommandCustomHeader(SendMessageResponseHeader.class).getQueueOffset();
        if (nextOffset >= 0 && offset != nextOffset) {
            failure("send got queue offset " + offset + ", expected " + nextOffset);
        }
        nextOffset = offset + 1;
        RemotingCommand cluster = client.invokeSync(namesrvAddr,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), 10_000);
        if (cluster.getCode() != ResponseCode.SUCCESS.code() || cluster.getBody() == null
            || !new String(cluster.getBody(), StandardCharsets.UTF_8).contains(brokerName)) {
            failure("cluster info answered " + cluster.getCode() + " " + cluster.getRemark());
            return;
        }
        ok.incrementAndGet();
    }
}
