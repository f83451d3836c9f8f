package org.mercurymq.test.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.client.QueryResult;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.trace.TraceContext;
import org.mercurymq.client.trace.TraceDataEncoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.test.harness.JvmProcess;

/**
 * Reads trace records back the way {@code mqadmin queryMsgTraceById} does (QUERY_MESSAGE by the traced msgId on the
 * trace topic, keep the records of that msgId): with the official 4.9.7 admin and decoder, with Mercury's client and
 * decoder, and by running the official 4.9.7 mqadmin in a child JVM. Stateless.
 */
final class TraceQueries {
    private TraceQueries() {
    }

    /** A started official 4.9.7 admin client; the caller shuts it down. */
    static DefaultMQAdminExt officialAdmin(String namesrv) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName(ClientFixture.unique("traceadmin"));
        admin.start();
        return admin;
    }

    /** The official 4.9.7 admin's query and the official decoder. Throws while the broker has no trace message yet. */
    static List<org.apache.rocketmq.client.trace.TraceContext> official(DefaultMQAdminExt admin, String traceTopic, String msgId)
        throws Exception {
        List<org.apache.rocketmq.client.trace.TraceContext> out = new ArrayList<>();
        for (org.apache.rocketmq.common.message.MessageExt m
            : admin.queryMessage(traceTopic, msgId, 64, 0, System.currentTimeMillis()).getMessageList()) {
            for (org.apache.rocketmq.client.trace.TraceContext ctx : org.apache.rocketmq.client.trace.TraceDataEncoder
                .decoderFromTraceDataString(new String(m.getBody(), StandardCharsets.UTF_8))) {
                if (msgId.equals(ctx.getTraceBeans().get(0).getMsgId())) {
                    out.add(ctx);
                }
            }
        }
        return out;
    }

    /** Mercury's client query and Mercury's decoder. Throws while the broker has no trace message yet. */
    static List<TraceContext> mercury(DefaultMQProducer client, String traceTopic, String msgId) throws Exception {
        QueryResult found = client.queryMessage(traceTopic, msgId, 64, 0, System.currentTimeMillis());
        List<TraceContext> out = new ArrayList<>();
        for (MessageExt m : found.getMessageList()) {
            for (TraceContext ctx : TraceDataEncoder.decoderFromTraceDataString(new String(m.getBody(), StandardCharsets.UTF_8))) {
                if (msgId.equals(ctx.getTraceBeans().get(0).getMsgId())) {
                    out.add(ctx);
                }
            }
        }
        return out;
    }

    /** Runs the official 4.9.7 {@code mqadmin} ({@code MQAdminStartup}) in a child JVM; returns what it printed. */
    static String officialMqadmin(String... args) throws IOException {
        Path dir = Files.createTempDirectory("official-mqadmin");
        try {
            // MQAdminStartup configures logback from ${rocketmq.home.dir}/conf/logback_tools.xml
            Files.createDirectories(dir.resolve("conf"));
            Files.write(dir.resolve("conf/logback_tools.xml"),
                "<configuration><root level=\"OFF\"/></configuration>\n".getBytes(StandardCharsets.UTF_8));
            try (JvmProcess p = JvmProcess.builder("mqadmin", "org.apache.rocketmq.tools.command.MQAdminStartup")
                .dir(dir).heap("-Xmx128m").sysProp("rocketmq.home.dir", dir.toString())
                .sysProp("rocketmq.client.logUseSlf4j", "true").args(args).start()) {
                p.waitForExit(Duration.ofSeconds(60));
                return p.output();
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
