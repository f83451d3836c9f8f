package org.mercurymq.test.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerController;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.GetTopicStatsInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;

/**
 * A queue number of 0 that would create a topic without queues is refused: in a send's defaultTopicQueueNums
 * (nothing is created), in the broker's defaultTopicQueueNums at start-up and at runtime, and thread pool and
 * queue capacity keys of 0 stop start-up with a message naming the key (docs/broker.md, "Input validation").
 */
class QueueNumsValidationTest {
    @TempDir
    Path dir;

    private BrokerController broker;
    private NettyRemotingClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (broker != null) {
            broker.shutdown();
        }
    }

    private Map<String, String> config() {
        Map<String, String> c = new HashMap<>(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000"));
        return c;
    }

    @Test
    void zeroQueueNumbersInConfigStopStartUp() {
        for (String key : new String[] {"defaultTopicQueueNums", "sendMessageThreadPoolNums", "pullThreadPoolQueueCapacity"}) {
            Map<String, String> c = config();
            c.put(key, "0");
            ConfigException e = assertThrows(ConfigException.class, () -> BrokerConfig.of(c));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void sendWithZeroDefaultTopicQueueNumsCreatesNothing() throws Exception {
        broker = new BrokerController(BrokerConfig.of(config()));
        broker.start();
        String addr = "127.0.0.1:" + broker.listenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();

        SendMessageRequestHeader h = PoisonSends.header("NoQueues", 0, false);
        h.setDefaultTopicQueueNums(0);
        h.setQueueId(-1);
        RemotingCommand send = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
            SendMessageRequestHeaderV2.fromV1(h));
        send.setBody("x".getBytes(StandardCharsets.UTF_8));
        RemotingCommand r = client.invokeSync(addr, send, 3000);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), r.getCode());
        assertTrue(r.getRemark().contains("defaultTopicQueueNums must be at least 1"), r.getRemark());

        GetTopicStatsInfoRequestHeader stats = new GetTopicStatsInfoRequestHeader();
        stats.setTopic("NoQueues");
        assertEquals(ResponseCode.TOPIC_NOT_EXIST.code(), client.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_TOPIC_STATS_INFO, stats), 3000).getCode(),
            "the topic was not created");

        RemotingCommand update = RemotingCommand.createRequestCommand(RequestCode.UPDATE_BROKER_CONFIG, null);
        update.setBody("defaultTopicQueueNums=0\n".getBytes(StandardCharsets.UTF_8));
        RemotingCommand refused = client.invokeSync(addr, update, 3000);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), refused.getCode());
        assertTrue(refused.getRemark().contains("defaultTopicQueueNums"), refused.getRemark());
    }
}
