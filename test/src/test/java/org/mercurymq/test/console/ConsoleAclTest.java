package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * The console against a broker with {@code aclEnable=true}: with the credentials of {@code conf/tools.yml} (found
 * as mqadmin finds them, here through {@code -Drocketmq.home.dir}) its writes are signed and done; without them
 * the broker refuses and the console says why.
 */
class ConsoleAclTest {
    static final String ACL_YML = String.join("\n",
        "globalWhiteRemoteAddresses:",
        "  - 10.254.254.*",
        "accounts:",
        "  - accessKey: consoleAdmin",
        "    secretKey: consoleSecret1",
        "    admin: true",
        "");

    @TempDir
    Path dir;

    @Test
    void signedConsoleWritesAndAnUnsignedOneIsToldWhyNot() throws Exception {
        Path brokerHome = dir.resolve("broker-home");
        write(brokerHome.resolve("conf/plain_acl.yml"), ACL_YML);
        Path consoleHome = dir.resolve("console-home");
        write(consoleHome.resolve("conf/tools.yml"), "accessKey: consoleAdmin\nsecretKey: consoleSecret1\n");
        try (MercuryCluster cluster = MercuryCluster.start(dir.resolve("cluster"),
                 Map.of("rocketmq.home.dir", brokerHome.toString()), "aclEnable=true");
             ConsoleProcess signed = ConsoleProcess.start(dir.resolve("signed"), cluster.namesrvAddress(),
                 Map.of("rocketmq.home.dir", consoleHome.toString()));
             ConsoleProcess unsigned = ConsoleProcess.start(dir.resolve("unsigned"), cluster.namesrvAddress(),
                 Map.of("rocketmq.home.dir", dir.resolve("no-credentials").toString()))) {
            String clusterName = await().atMost(Duration.ofSeconds(60)).until(() -> {
                JSONArray clusters = JSON.parseObject(signed.get("api/cluster").body()).getJSONArray("clusters");
                return clusters == null || clusters.isEmpty() ? null : clusters.getJSONObject(0).getString("name");
            }, n -> n != null);

            String topic = "AclConsoleTopic" + System.nanoTime();
            Map<String, Object> create = Map.of("topic", topic, "cluster", clusterName, "readQueueNums", 2,
                "writeQueueNums", 2, "perm", 6);
            HttpResponse<String> refused = unsigned.postJson("api/topics", create);
            assertEquals(502, refused.statusCode(), refused.body());
            assertTrue(JSON.parseObject(refused.body()).getString("error").contains("accessKey"), refused.body());

            HttpResponse<String> created = signed.postJson("api/topics", create);
            assertEquals(200, created.statusCode(), created.body());
            HttpResponse<String> sent = signed.postJson("api/topic/send", Map.of("topic", topic, "key", "acl-key", "body", "signed"));
            assertEquals(200, sent.statusCode(), sent.body());
            assertEquals("SEND_OK", JSON.parseObject(sent.body()).getString("status"));
            JSONArray found = await().atMost(Duration.ofSeconds(60)).until(() -> JSON.parseArray(
                signed.get("api/messages/byKey?topic=" + topic + "&key=acl-key").body()), a -> a != null && !a.isEmpty());
            assertEquals("signed", found.getJSONObject(0).getString("bodyText"));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
