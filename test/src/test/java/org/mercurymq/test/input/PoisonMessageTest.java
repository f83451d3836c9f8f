package org.mercurymq.test.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerController;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetResponseHeader;

/**
 * Poison messages are refused at send time with MESSAGE_ILLEGAL and a remark, and nothing is stored: an empty or
 * missing body, and a body flagged compressed that is not zlib, for single sends (10, 310) and batches (320), where
 * one bad element refuses the whole batch. Apache 4.9.7 acknowledges all of them (docs/broker.md, "Input
 * validation"). A real broker in this JVM, real sockets.
 */
class PoisonMessageTest {
    private static final String TOPIC = "PoisonTopic";

    @TempDir
    Path dir;

    private BrokerController broker;
    private NettyRemotingClient client;
    private String addr;

    @BeforeEach
    void start() throws Exception {
        broker = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000")));
        broker.start();
        addr = "127.0.0.1:" + broker.listenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (broker != null) {
            broker.shutdown();
        }
    }

    private long maxOffset() throws Exception {
        GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
        h.setTopic(TOPIC);
        h.setQueueId(0);
        RemotingCommand r = client.invokeSync(addr, RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, h), 3000);
        return r.decodeCommandCustomHeader(GetMaxOffsetResponseHeader.class).getOffset();
    }

    /** The consume queue is written after the put: wait until it holds at least {@code n} entries. */
    private long awaitMaxOffset(long n) {
        long[] seen = new long[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            seen[0] = maxOffset();
            return seen[0] >= n;
        });
        return seen[0];
    }

    private static void assertRefused(RemotingCommand r, String remarkPart) {
        assertEquals(ResponseCode.MESSAGE_ILLEGAL.code(), r.getCode(), "code for " + r.getRemark());
        assertTrue(r.getRemark() != null && r.getRemark().contains(remarkPart), "remark: " + r.getRemark());
    }

    @Test
    void poisonSendsAreRefusedAndNothingIsStored() throws Exception {
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        byte[] zipped = BodyCompression.compress("a compressible body".getBytes(StandardCharsets.UTF_8), 5);
        int compressed = PoisonSends.compressed();
        assertEquals(ResponseCode.SUCCESS.code(), PoisonSends.single(client, addr, RequestCode.SEND_MESSAGE_V2, TOPIC, 0, ok).getCode());
        assertEquals(ResponseCode.SUCCESS.code(),
            PoisonSends.single(client, addr, RequestCode.SEND_MESSAGE_V2, TOPIC, compressed, zipped).getCode());
        assertEquals(2, awaitMaxOffset(2));

        for (int code : new int[] {RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2}) {
            assertRefused(PoisonSends.single(client, addr, code, TOPIC, 0, new byte[0]), "body is empty");
            assertRefused(PoisonSends.single(client, addr, code, TOPIC, 0, null), "body is empty");
            assertRefused(PoisonSends.single(client, addr, code, TOPIC, compressed, PoisonSends.NOT_ZLIB), "not zlib");
            assertRefused(PoisonSends.single(client, addr, code, TOPIC, compressed,
                java.util.Arrays.copyOf(zipped, zipped.length - 6)), "not complete zlib");
        }
        assertRefused(PoisonSends.batch(client, addr, TOPIC, 0, List.of(ok, new byte[0], ok)), "message 1 of the batch");
        assertRefused(PoisonSends.batch(client, addr, TOPIC, compressed, List.of(zipped, PoisonSends.NOT_ZLIB)),
            "message 1 of the batch");
        RemotingCommand goodBatch = PoisonSends.batch(client, addr, TOPIC, compressed, List.of(zipped, zipped));
        assertEquals(ResponseCode.SUCCESS.code(), goodBatch.getCode(), goodBatch.getRemark());
        assertEquals(4, awaitMaxOffset(4), "the good batch follows the two good sends: nothing refused was stored");
    }
}
