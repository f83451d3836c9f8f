package org.mercurymq.acl.common;

import org.mercurymq.client.impl.producer.InstanceServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.remoting.protocol.RemotingCommand;

class AclClientRPCHookTest {
    @Test
    void signsTheSortedExtFieldsLikeRocketMq() {
        RemotingCommand r = RemotingCommand.createRequestCommand(15, null);
        r.addExtField("topic", "T1");
        r.addExtField("queueId", "0");
        r.addExtField("consumerGroup", "G1");
        r.addExtField("commitOffset", "100");
        r.addExtField("bname", "broker-a");
        new AclClientRPCHook(new SessionCredentials("RocketMQ", "12345678")).doBeforeRequest("127.0.0.1:10911", r);
        assertEquals("RocketMQ", r.getExtFields().get("AccessKey"));
        assertEquals("PkgzuG7jbRvrmR2+h0GQ+tk9iiI=", r.getExtFields().get("Signature"));
        assertFalse(r.getExtFields().containsKey("SecurityToken"));
    }

    @Test
    void tlsEnableSystemPropertyTurnsTlsOnForTheClientsConnections() {
        System.setProperty("tls.enable", "true");
        try {
            ClientConfig config = new ClientConfig();
            assertTrue(config.isUseTLS());
            assertTrue(new MQClientInstance(config, "id", null, InstanceServices.INSTANCE).getNettyClientConfig().isUseTLS());
        } finally {
            System.clearProperty("tls.enable");
        }
    }
}
