package org.mercurymq.test.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerController;
import org.mercurymq.common.config.Config;
import org.mercurymq.namesrv.NamesrvConfig;
import org.mercurymq.namesrv.NamesrvController;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;

/**
 * Client-supplied names with line breaks (a consumer group, a producer group, a topic, a header value, a KV
 * config key) cannot start a new line in the daemons' logs: every captured event is one line, and the forged text
 * shows up escaped (docs/broker.md, "Input validation").
 */
class LogInjectionTest {
    private static final String FORGED = "\n12:00:00.000 ERROR [main] Forged - FORGED";

    @TempDir
    Path dir;

    private final NettyRemotingClient client = new NettyRemotingClient(NettyClientConfig.builder().build());
    private BrokerController broker;
    private NamesrvController namesrv;

    @AfterEach
    void stop() {
        client.shutdown();
        if (broker != null) {
            broker.shutdown();
        }
        if (namesrv != null) {
            namesrv.shutdown();
        }
    }

    private static String json(String s) {
        return s.replace("\n", "\\n");
    }

    @Test
    void clientStringsCannotForgeLogLines() throws Exception {
        client.start();
        broker = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000")));
        broker.start();
        Config cfg = NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.LISTEN_PORT, 0)
            .with(NamesrvConfig.BIND_ADDRESS, "127.0.0.1")
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString())
            .with(NettyServerConfig.SERVER_WORKER_THREADS, 2)
            .with(NettyServerConfig.SERVER_SELECTOR_THREADS, 1);
        namesrv = new NamesrvController(new NamesrvConfig(cfg), System::currentTimeMillis);
        namesrv.start();
        String brokerAddr = "127.0.0.1:" + broker.listenPort();
        String namesrvAddr = "127.0.0.1:" + namesrv.listenPort();

        List<ILoggingEvent> events;
        try (LogCapture log = LogCapture.start(Level.INFO)) {
            RemotingCommand heartbeat = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
            heartbeat.setBody(("{\"clientID\":\"c1" + json(FORGED) + "\",\"consumerDataSet\":[{\"groupName\":\"G"
                + json(FORGED) + "\",\"consumeType\":\"CONSUME_PASSIVELY\",\"messageModel\":\"CLUSTERING\","
                + "\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"subscriptionDataSet\":[{\"topic\":\"T\","
                + "\"subString\":\"*\",\"tagsSet\":[],\"codeSet\":[],\"subVersion\":1,\"expressionType\":\"TAG\"}]}],"
                + "\"producerDataSet\":[{\"groupName\":\"P" + json(FORGED) + "\"}]}").getBytes(StandardCharsets.UTF_8));
            assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(brokerAddr, heartbeat, 3000).getCode());

            PullMessageRequestHeader pull = new PullMessageRequestHeader();
            pull.setConsumerGroup("G" + FORGED);
            pull.setTopic("T" + FORGED);
            pull.setQueueId(0);
            pull.setQueueOffset(0L);
            pull.setMaxMsgNums(1);
            pull.setSysFlag(0);
            pull.setCommitOffset(0L);
            pull.setSuspendTimeoutMillis(0L);
            pull.setSubVersion(0L);
            client.invokeSync(brokerAddr, RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, pull), 3000);

            RemotingCommand badHeader = RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, null);
            HashMap<String, String> ext = new HashMap<>();
            ext.put("topic", "T");
            ext.put("queueId", "1" + FORGED);
            badHeader.setExtFields(ext);
            assertEquals(ResponseCode.SYSTEM_ERROR.code(), client.invokeSync(brokerAddr, badHeader, 3000).getCode());

            PutKVConfigRequestHeader kv = new PutKVConfigRequestHeader();
            kv.setNamespace("NS" + FORGED);
            kv.setKey("K" + FORGED);
            kv.setValue("V" + FORGED);
            assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(namesrvAddr,
                RemotingCommand.createRequestCommand(RequestCode.PUT_KV_CONFIG, kv), 3000).getCode());
            events = log.events();
        }
        List<String> forged = events.stream().map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.contains("FORGED")).collect(Collectors.toList());
        assertTrue(forged.size() >= 4, "the forged names reached the log sites: " + forged);
        for (String m : forged) {
            assertTrue(m.indexOf('\n') < 0 && m.indexOf('\r') < 0, "a client string starts a new log line: " + m);
            assertTrue(m.contains("\\n12:00:00.000 ERROR"), "the line break is shown escaped: " + m);
        }
    }
}
