package org.mercurymq.broker.acl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;

class InnerClientSignerTest {
    private static final String CREDENTIALS = "{\"accessKey\":\"RocketMQ\",\"secretKey\":\"12345678\"}";

    @TempDir
    Path home;

    private PlainAccessValidator validator() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), PlainAccessValidatorTest.YAML);
        return new AclFileWatcher(new AclConfigLoader(home, null), 5000).validator();
    }

    private static BrokerConfig config(String credentials) {
        return credentials == null ? BrokerConfig.of(Map.of())
            : BrokerConfig.of(Map.of("innerClientAuthenticationCredentials", credentials));
    }

    @Test
    void signedSyncRequestPassesTheMastersAcl() throws IOException {
        PlainAccessValidator v = validator();
        RemotingCommand sync = RemotingCommand.createRequestCommand(21, null); // GET_ALL_TOPIC_CONFIG, admin code
        new InnerClientSigner(() -> config(CREDENTIALS)).doBeforeRequest("127.0.0.1:10911", sync);
        assertEquals("RocketMQ", sync.getExtFields().get("AccessKey"));
        assertDoesNotThrow(() -> v.validate("127.0.0.1", sync));
    }

    @Test
    void unsetLeavesTheRequestUnsignedAndTheMasterRefusesIt() throws IOException {
        PlainAccessValidator v = validator();
        RemotingCommand sync = RemotingCommand.createRequestCommand(21, null);
        new InnerClientSigner(() -> config(null)).doBeforeRequest("127.0.0.1:10911", sync);
        assertTrue(sync.getExtFields() == null || !sync.getExtFields().containsKey("AccessKey"));
        AclException e = assertThrows(AclException.class, () -> v.validate("127.0.0.1", sync));
        assertEquals("No accessKey is configured", e.getMessage());
    }

    @Test
    void followsConfigChangesWithoutRestart() throws IOException {
        PlainAccessValidator v = validator();
        AtomicReference<BrokerConfig> current = new AtomicReference<>(config(null));
        InnerClientSigner signer = new InnerClientSigner(current::get);
        current.set(config(CREDENTIALS));
        RemotingCommand sync = RemotingCommand.createRequestCommand(21, null);
        signer.doBeforeRequest("127.0.0.1:10911", sync);
        assertDoesNotThrow(() -> v.validate("127.0.0.1", sync));
    }

    @Test
    void malformedValuesAreRefusedWithoutTheSecret() {
        assertNull(InnerCredentials.parse(" "));
        IllegalArgumentException noAk = assertThrows(IllegalArgumentException.class,
            () -> InnerCredentials.parse("{\"secretKey\":\"topSecret99\"}"));
        assertTrue(noAk.getMessage().contains("missing accessKey"), noAk.getMessage());
        assertFalse(noAk.getMessage().contains("topSecret99"));
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
            () -> InnerCredentials.parse("accessKey=a,secretKey=topSecret99"));
        assertFalse(notJson.getMessage().contains("topSecret99"));
        assertFalse(InnerCredentials.parse(CREDENTIALS).toString().contains("12345678"));
    }
}
