package org.mercurymq.common.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Byte vectors of the plain-ACL signature (docs/security.md), computed with RocketMQ 4.9.7's rules. */
class AclSignerTest {
    @Test
    void accessKeyOnly() {
        Map<String, String> ext = new HashMap<>();
        ext.put("AccessKey", "RocketMQ");
        assertEquals("IUc8rrO/0gDch8CjObLQsW2rsiA=", AclSigner.sign(AclSigner.content(ext, null), "12345678"));
    }

    @Test
    void valuesAreSortedByKeyAndSignatureIsSkipped() {
        Map<String, String> ext = new HashMap<>();
        ext.put("topic", "T1");
        ext.put("queueId", "0");
        ext.put("consumerGroup", "G1");
        ext.put("commitOffset", "100");
        ext.put("bname", "broker-a");
        ext.put("AccessKey", "RocketMQ");
        ext.put("Signature", "ignored");
        byte[] content = AclSigner.content(ext, null, "Signature");
        assertEquals("RocketMQbroker-a100G10T1", new String(content, StandardCharsets.UTF_8));
        assertEquals("PkgzuG7jbRvrmR2+h0GQ+tk9iiI=", AclSigner.sign(content, "12345678"));
    }

    @Test
    void bodyIsAppended() {
        Map<String, String> ext = new HashMap<>();
        ext.put("AccessKey", "RocketMQ");
        ext.put("SecurityToken", "tok");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals("whrz6qHL+TEkOu4RlX3yaQtVHVA=", AclSigner.sign(AclSigner.content(ext, body), "12345678"));
    }
}
