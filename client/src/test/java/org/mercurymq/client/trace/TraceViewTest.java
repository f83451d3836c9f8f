package org.mercurymq.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageExt;

/** A trace-topic message decoded into the display records of one message id. */
class TraceViewTest {
    @Test
    void onlyTheRecordsOfTheAskedMessageIdAreReturned() {
        TraceContext pub = TraceDataEncoderTest.pub();
        String data = TraceDataEncoder.encoderFromContextBean(pub).getTransData();
        MessageExt traceMessage = new MessageExt();
        traceMessage.setBody(data.getBytes(StandardCharsets.UTF_8));
        traceMessage.setBornHost(new InetSocketAddress("10.0.0.7", 50000));
        traceMessage.setBornTimestamp(1700000000123L);

        String msgId = pub.getTraceBeans().get(0).getMsgId();
        List<TraceView> views = TraceView.decodeFromTraceTransData(msgId, traceMessage);
        assertEquals(1, views.size());
        TraceView v = views.get(0);
        assertEquals(msgId, v.getMsgId());
        assertEquals("Pub", v.getMsgType());
        assertEquals("PG", v.getGroupName());
        assertEquals("TagA", v.getTags());
        assertEquals("TopicTest", v.getTopic());
        assertEquals("192.168.0.10:10911", v.getStoreHost());
        assertEquals(3, v.getCostTime());
        assertEquals("success", v.getStatus());
        assertEquals(1700000000000L, v.getTimeStamp());
        assertEquals(1700000000123L, v.getBornTime());
        assertTrue(v.getClientHost().startsWith("10.0.0.7"), v.getClientHost());

        assertTrue(TraceView.decodeFromTraceTransData("SOME_OTHER_ID", traceMessage).isEmpty());
    }
}
