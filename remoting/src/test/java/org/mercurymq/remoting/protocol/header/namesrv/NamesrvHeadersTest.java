package org.mercurymq.remoting.protocol.header.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;

class NamesrvHeadersTest {
    @Test
    void registerHeaderUsesExactWireKeys() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER,
            new RegisterBrokerRequestHeader("broker-a", "1.1.1.1:10911", "DefaultCluster", "1.1.1.1:10912", 0L, false, 0));
        cmd.makeCustomHeaderToNet();
        Map<String, String> expected = new HashMap<>();
        expected.put("brokerName", "broker-a");
        expected.put("brokerAddr", "1.1.1.1:10911");
        expected.put("clusterName", "DefaultCluster");
        expected.put("haServerAddr", "1.1.1.1:10912");
        expected.put("brokerId", "0");
        expected.put("compressed", "false");
        expected.put("bodyCrc32", "0");
        assertEquals(expected, cmd.getExtFields());
        RegisterBrokerRequestHeader back = cmd.decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
        assertEquals(0L, back.getBrokerId());
        assertFalse(back.isCompressed());
    }

    @Test
    void missingRequiredFieldIsNamed() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, null);
        cmd.addExtField("acceptStandardJsonOnly", "true");
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(GetRouteInfoRequestHeader.class));
        assertTrue(e.getMessage().contains("topic"), e.getMessage());
    }

    @Test
    void optionalFieldsMayBeAbsent() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.DELETE_TOPIC_IN_NAMESRV, null);
        cmd.addExtField("topic", "T");
        DeleteTopicFromNamesrvRequestHeader h = cmd.decodeCommandCustomHeader(DeleteTopicFromNamesrvRequestHeader.class);
        assertEquals("T", h.getTopic());
        assertNull(h.getClusterName());
    }

    @Test
    void replyHeadersCarryCounts() throws Exception {
        RemotingCommand resp = RemotingCommand.createResponseCommand(WipeWritePermOfBrokerResponseHeader.class);
        ((WipeWritePermOfBrokerResponseHeader) resp.readCustomHeader()).setWipeTopicCount(3);
        resp.makeCustomHeaderToNet();
        assertEquals("3", resp.getExtFields().get("wipeTopicCount"));
    }
}
