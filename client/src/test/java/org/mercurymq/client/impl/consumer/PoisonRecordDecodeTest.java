package org.mercurymq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.sysflag.MessageSysFlag;

/**
 * Stored poison records (written before the broker refused them): the consumer gets every record of the pull,
 * the poison ones with an empty or as-stored body, instead of losing the records that follow or stalling.
 */
class PoisonRecordDecodeTest {
    private static byte[] record(long offset, byte[] body, int sysFlag) throws Exception {
        MessageExt m = new MessageExt();
        m.setTopic("T");
        m.setQueueId(0);
        m.setQueueOffset(offset);
        m.setBody(body);
        m.setSysFlag(sysFlag);
        m.setBornHost(new InetSocketAddress("127.0.0.1", 1000));
        m.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        return MessageDecoder.encode(m, false);
    }

    @Test
    void everyRecordAfterAPoisonOneIsStillDelivered() throws Exception {
        byte[] notZlib = "not zlib".getBytes(StandardCharsets.UTF_8);
        byte[] zipped = BodyCompression.compress("zipped".getBytes(StandardCharsets.UTF_8), 5);
        ByteArrayOutputStream pulled = new ByteArrayOutputStream();
        pulled.write(record(0, "first".getBytes(StandardCharsets.UTF_8), 0));
        pulled.write(record(1, notZlib, MessageSysFlag.COMPRESSED_FLAG));
        pulled.write(record(2, new byte[0], 0));
        pulled.write(record(3, zipped, MessageSysFlag.COMPRESSED_FLAG));

        PullResultExt pull = new PullResultExt(PullStatus.FOUND, 4, 0, 4, null, 0, pulled.toByteArray());
        new PullAPIWrapper(null, null, "G").processPullResult(new MessageQueue("T", "b", 0), pull, null);
        List<MessageExt> msgs = pull.getMsgFoundList();

        assertEquals(4, msgs.size());
        assertEquals("first", new String(msgs.get(0).getBody(), StandardCharsets.UTF_8));
        assertArrayEquals(notZlib, msgs.get(1).getBody(), "an undecodable compressed body is delivered as stored");
        assertArrayEquals(new byte[0], msgs.get(2).getBody(), "an empty body is an empty array, never null");
        assertEquals("zipped", new String(msgs.get(3).getBody(), StandardCharsets.UTF_8));
        assertEquals(3, msgs.get(3).getQueueOffset());
    }
}
