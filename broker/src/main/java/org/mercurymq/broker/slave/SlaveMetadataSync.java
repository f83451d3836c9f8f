package org.mercurymq.broker.slave;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.schedule.DelayOffsetWrapper;
import org.mercurymq.broker.schedule.ScheduleMessageService;
import org.mercurymq.remoting.RemotingClient;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import org.mercurymq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a SLAVE, copies the master's metadata every 10 s (docs/protocol/behaviour.md §11): GET_ALL_TOPIC_CONFIG (21),
 * GET_ALL_CONSUMER_OFFSET (43), GET_ALL_DELAY_OFFSET (45) and GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) from the
 * master address the name server reported. Topics and groups are replaced when the master's data version
 * differs, offsets every time. A failed round is one log line naming the master; the next round retries.
 * Runs on one named thread; thread-safe.
 */
public final class SlaveMetadataSync {
    private static final Logger LOG = LoggerFactory.getLogger(SlaveMetadataSync.class);
    static final long PERIOD_MILLIS = 10_000;
    static final long FIRST_DELAY_MILLIS = 1_000;
    private static final long TIMEOUT_MILLIS = 3_000;

    private final RemotingClient client;
    private final Supplier<String> masterAddr;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final ScheduleMessageService delayOffsets;
    private final SubscriptionGroupManager groups;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("SlaveMetadataSyncThread", true));
    private volatile boolean masterUnknownLogged;

    public SlaveMetadataSync(RemotingClient client, Supplier<String> masterAddr, TopicConfigManager topics,
                             ConsumerOffsetManager offsets, ScheduleMessageService delayOffsets,
                             SubscriptionGroupManager groups) {
        this.client = client;
        this.masterAddr = masterAddr;
        this.topics = topics;
        this.offsets = offsets;
        this.delayOffsets = delayOffsets;
        this.groups = groups;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::syncQuietly, FIRST_DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void syncQuietly() {
        String master = masterAddr.get();
        if (master == null || master.isEmpty()) {
            if (!masterUnknownLogged) {
                masterUnknownLogged = true;
                LOG.info("slave metadata sync waits: no master address from the name servers yet");
            }
            return;
        }
        try {
            syncOnce(master);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("slave metadata sync from master {} failed: {}", master, e.toString());
        }
    }

    /** One round against {@code master}; throws on the first request that fails. */
    void syncOnce(String master) throws Exception {
        TopicConfigSerializeWrapper t = TopicConfigSerializeWrapper.fromJson(JSON.parseObject(
            new String(fetch(master, RequestCode.GET_ALL_TOPIC_CONFIG), StandardCharsets.UTF_8)));
        topics.replaceAllFromMaster(t);
        offsets.replaceAllFromMaster(RemotingSerializable.decode(fetch(master, RequestCode.GET_ALL_CONSUMER_OFFSET),
            ConsumerOffsetSerializeWrapper.class));
        delayOffsets.replaceOffsetsFromMaster(RemotingSerializable.decode(fetch(master, RequestCode.GET_ALL_DELAY_OFFSET),
            DelayOffsetWrapper.class));
        groups.replaceAllFromMaster(RemotingSerializable.decode(fetch(master, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG),
            SubscriptionGroupWrapper.class));
        LOG.debug("slave metadata synced from master {}", master);
    }

    private byte[] fetch(String master, int code) throws Exception {
        RemotingCommand response = client.invokeSync(master, RemotingCommand.createRequestCommand(code, null), TIMEOUT_MILLIS);
        if (response.getCode() != ResponseCode.SUCCESS.code()) {
            throw new IllegalStateException("request " + code + " answered " + ResponseCode.describe(response.getCode())
                + ": " + response.getRemark());
        }
        if (response.getBody() == null) {
            throw new IllegalStateException("request " + code + " answered without a body");
        }
        return response.getBody();
    }
}
