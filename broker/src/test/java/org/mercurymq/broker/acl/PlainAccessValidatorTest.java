package org.mercurymq.broker.acl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.acl.AclSigner;
import org.mercurymq.remoting.protocol.RemotingCommand;

class PlainAccessValidatorTest {
    static final String YAML = String.join("\n",
        "globalWhiteRemoteAddresses:",
        "  - 10.10.*.*",
        "accounts:",
        "  - accessKey: rocketmq2",
        "    secretKey: 12345678",
        "    whiteRemoteAddress: 192.168.0.*",
        "    admin: false",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: SUB",
        "    topicPerms:",
        "      - topicA=DENY",
        "      - topicB=PUB|SUB",
        "      - topicC=SUB",
        "    groupPerms:",
        "      - groupA=DENY",
        "  - accessKey: RocketMQ",
        "    secretKey: 12345678",
        "    admin: true",
        "");

    @TempDir
    Path home;

    private PlainAccessValidator validator() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), YAML);
        return new AclFileWatcher(new AclConfigLoader(home, null), 5000).validator();
    }

    private static RemotingCommand signed(int code, String ak, String sk, Map<String, String> fields) {
        RemotingCommand r = RemotingCommand.createRequestCommand(code, null);
        HashMap<String, String> ext = new HashMap<>(fields);
        ext.put("AccessKey", ak);
        ext.put("Signature", AclSigner.sign(AclSigner.content(ext, null), sk));
        r.setExtFields(ext);
        return r;
    }

    @Test
    void rightSignatureAndPermissionPass() throws IOException {
        PlainAccessValidator v = validator();
        assertDoesNotThrow(() -> v.validate("127.0.0.1", signed(10, "rocketmq2", "12345678", Map.of("topic", "topicB"))));
        assertDoesNotThrow(() -> v.validate("127.0.0.1", signed(17, "RocketMQ", "12345678", Map.of("topic", "x"))));
    }

    @Test
    void refusalsCarryRocketMqMessages() throws IOException {
        PlainAccessValidator v = validator();
        assertRefused(v, signed(10, "rocketmq2", "wrongsecret", Map.of("topic", "topicB")), "Check signature failed for accessKey=rocketmq2");
        assertRefused(v, signed(10, "unknownak", "12345678", Map.of("topic", "topicB")), "No acl config for unknownak");
        assertRefused(v, RemotingCommand.createRequestCommand(10, null), "No accessKey is configured");
        assertRefused(v, signed(10, "rocketmq2", "12345678", Map.of("topic", "topicA")), "No default permission for topic:topicA");
        assertRefused(v, signed(10, "rocketmq2", "12345678", Map.of("topic", "topicC")), "No default permission for topic:topicC");
        assertRefused(v, signed(11, "rocketmq2", "12345678", Map.of("topic", "topicB", "consumerGroup", "groupA")),
            "No default permission for group:groupA");
        assertRefused(v, signed(17, "rocketmq2", "12345678", Map.of("topic", "x")),
            "Need admin permission for request code=17, but accessKey=rocketmq2 is not");
    }

    @Test
    void whiteListsSkipSignature() throws IOException {
        PlainAccessValidator v = validator();
        assertDoesNotThrow(() -> v.validate("10.10.3.4", RemotingCommand.createRequestCommand(17, null)));
        assertDoesNotThrow(() -> v.validate("192.168.0.9", signed(10, "rocketmq2", "wrongsecret", Map.of("topic", "topicA"))));
    }

    @Test
    void uniqueKeyQueryIsAcceptedSignedEitherWay() throws IOException {
        PlainAccessValidator v = validator();
        Map<String, String> f = Map.of("topic", "topicB", "_UNIQUE_KEY_QUERY", "true", "key", "k");
        assertDoesNotThrow(() -> v.validate("127.0.0.1", signed(12, "rocketmq2", "12345678", f)));
        RemotingCommand old = signed(12, "rocketmq2", "12345678", Map.of("topic", "topicB", "key", "k"));
        old.getExtFields().put("_UNIQUE_KEY_QUERY", "true");
        assertDoesNotThrow(() -> v.validate("127.0.0.1", old));
    }

    @Test
    void brokenFileKeepsLastGoodConfigAndFixedFileIsReloaded() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Path file = home.resolve("conf/plain_acl.yml");
        Files.writeString(file, YAML);
        AclFileWatcher w = new AclFileWatcher(new AclConfigLoader(home, null), 5000);
        PlainAccessValidator v = w.validator();
        Files.writeString(file, "accounts: [ {accessKey: short, secretKey: x} ]\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        w.check();
        assertDoesNotThrow(() -> v.validate("127.0.0.1", signed(10, "rocketmq2", "12345678", Map.of("topic", "topicB"))));
        Files.writeString(file, YAML.replace("topicB=PUB|SUB", "topicB=DENY"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 20_000));
        w.check();
        assertRefused(v, signed(10, "rocketmq2", "12345678", Map.of("topic", "topicB")), "No default permission for topic:topicB");
    }

    @Test
    void missingFileAndUnknownKeysStopLoading() throws IOException {
        AclException missing = assertThrows(AclException.class, () -> new AclConfigLoader(home, null).load());
        assertTrue(missing.getMessage().contains(home.resolve("conf/plain_acl.yml").toString()), missing.getMessage());
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), "accounts:\n  - accessKey: rocketmq2\n    secretKey: 12345678\n    tokenTtl: 3\n");
        AclException unknown = assertThrows(AclException.class, () -> new AclConfigLoader(home, null).load());
        assertTrue(unknown.getMessage().contains("tokenTtl"), unknown.getMessage());
    }

    @Test
    void aclDirectoryFilesAreMerged() throws IOException {
        validator();
        Files.createDirectories(home.resolve("conf/acl/sub"));
        Files.writeString(home.resolve("conf/acl/sub/extra.yaml"), "accounts:\n  - accessKey: extraAk1\n    secretKey: 87654321\n    defaultTopicPerm: PUB\n");
        PlainAccessValidator v = new AclFileWatcher(new AclConfigLoader(home, null), 5000).validator();
        assertDoesNotThrow(() -> v.validate("127.0.0.1", signed(10, "extraAk1", "87654321", Map.of("topic", "any"))));
    }

    private static void assertRefused(PlainAccessValidator v, RemotingCommand r, String message) {
        AclException e = assertThrows(AclException.class, () -> v.validate("127.0.0.1", r));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(e.toString().startsWith("org.apache.rocketmq.acl.common.AclException: " + message), e.toString());
    }
}
