package org.mercurymq.remoting.protocol.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;

class SendHeaderMappingTest {

    /** extFields of the V2 single send captured from a 4.9.7 producer (docs/protocol/headers.md §1.1). */
    private static HashMap<String, String> capturedV2() {
        HashMap<String, String> ext = new HashMap<>();
        ext.put("a", "PG");
        ext.put("b", "TopicTest");
        ext.put("c", "TBW102");
        ext.put("d", "4");
        ext.put("e", "0");
        ext.put("f", "0");
        ext.put("g", "1795269925680");
        ext.put("h", "0");
        ext.put("i", "KEYS\u0001key1 key2\u0002WAIT\u0001true\u0002TAGS\u0001TagA");
        ext.put("j", "0");
        ext.put("k", "false");
        ext.put("m", "false");
        ext.put("n", "broker-a");
        return ext;
    }

    @Test
    void capturedV2SendDecodesToTheLongForm() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
        request.setExtFields(capturedV2());
        SendMessageRequestHeader h = SendMessageRequestHeaderV2.toV1(request.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
        assertEquals("PG", h.getProducerGroup());
        assertEquals("TopicTest", h.getTopic());
        assertEquals("TBW102", h.getDefaultTopic());
        assertEquals(4, h.getDefaultTopicQueueNums());
        assertEquals(0, h.getQueueId());
        assertEquals(1795269925680L, h.getBornTimestamp());
        assertTrue(h.getProperties().endsWith("TAGS\u0001TagA"));
        assertFalse(h.isBatch());
        assertNull(h.getMaxReconsumeTimes());
        assertEquals("broker-a", h.getBname());
    }

    @Test
    void headerWritesEveryNonNullFieldAsAString() {
        SendMessageRequestHeader v1 = new SendMessageRequestHeader();
        v1.setProducerGroup("PG");
        v1.setTopic("T");
        v1.setDefaultTopic("TBW102");
        v1.setDefaultTopicQueueNums(4);
        v1.setQueueId(3);
        v1.setSysFlag(0);
        v1.setBornTimestamp(42L);
        v1.setFlag(0);
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(v1));
        cmd.makeCustomHeaderToNet();
        assertEquals("3", cmd.getExtFields().get("e"));
        assertEquals("42", cmd.getExtFields().get("g"));
        assertEquals("false", cmd.getExtFields().get("k"), "primitive booleans are always sent");
        assertFalse(cmd.getExtFields().containsKey("i"), "null wrappers are omitted");
    }

    @Test
    void missingRequiredFieldIsAClearError() {
        HashMap<String, String> ext = capturedV2();
        ext.remove("b");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
        request.setExtFields(ext);
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> request.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
        assertEquals("the custom field <b> is null", e.getMessage());
    }

    @Test
    void unparsableNumberIsAClearError() {
        HashMap<String, String> ext = capturedV2();
        ext.put("e", "zero");
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
        request.setExtFields(ext);
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> request.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
        assertTrue(e.getMessage().contains("<e>") && e.getMessage().contains("zero"), e.getMessage());
    }
}
