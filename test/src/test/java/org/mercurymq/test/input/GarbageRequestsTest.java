package org.mercurymq.test.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Every request code, malformed in several ways (see {@link GarbageRequests}), sent to a real broker and a real
 * name server in this JVM over real sockets: each gets a reply with a readable remark, nothing is logged at
 * ERROR or with a stack trace, no Java exception name leaks, and the daemon keeps serving (docs/broker.md,
 * "Input validation").
 */
class GarbageRequestsTest {
    @TempDir
    Path dir;

    private NettyRemotingClient client;
    private BrokerController broker;
    private NamesrvController namesrv;

    @BeforeEach
    void startClient() {
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
    }

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

    @Test
    void brokerAnswersEveryGarbageRequestReadably() throws Exception {
        broker = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000")));
        broker.start();
        String addr = "127.0.0.1:" + broker.listenPort();
        List<String> problems;
        String logged;
        try (LogCapture log = LogCapture.start(Level.WARN)) {
            problems = GarbageRequests.probe(client, addr, GarbageRequests.requestCodes());
            logged = log.problems();
        }
        assertEquals("", String.join("\n", problems), "replies");
        assertEquals("", logged, "log lines with stack traces, at ERROR, or naming an exception");
        RemotingCommand info = client.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_RUNTIME_INFO, null), 3000);
        assertEquals(ResponseCode.SUCCESS.code(), info.getCode(), "the broker still serves");
    }

    @Test
    void nameServerAnswersEveryGarbageRequestReadably() throws Exception {
        Config cfg = NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.LISTEN_PORT, 0)
            .with(NamesrvConfig.BIND_ADDRESS, "127.0.0.1")
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString())
            .with(NettyServerConfig.SERVER_WORKER_THREADS, 2)
            .with(NettyServerConfig.SERVER_SELECTOR_THREADS, 1);
        namesrv = new NamesrvController(new NamesrvConfig(cfg), System::currentTimeMillis);
        namesrv.start();
        String addr = "127.0.0.1:" + namesrv.listenPort();
        List<String> problems;
        String logged;
        try (LogCapture log = LogCapture.start(Level.WARN)) {
            problems = GarbageRequests.probe(client, addr, GarbageRequests.requestCodes());
            logged = log.problems();
        }
        assertEquals("", String.join("\n", problems), "replies");
        assertEquals("", logged, "log lines with stack traces, at ERROR, or naming an exception");
        RemotingCommand info = client.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), 3000);
        assertEquals(ResponseCode.SUCCESS.code(), info.getCode(), "the name server still serves");
        assertTrue(namesrv.routes().getAllClusterInfo().getBrokerAddrTable().isEmpty(),
            "no garbage registration was kept: " + namesrv.routes().getAllClusterInfo().getBrokerAddrTable());
    }
}
