package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An Apache RocketMQ 4.9.7 NameServer and one Broker (the official jars, test scope) in child JVMs
 * on free loopback ports: the reference Mercury's client and tools are compared against.
 */
public final class ApacheCluster implements AutoCloseable {
    /** JDK 17 needs these for the 4.9.x store (it reflects into DirectByteBuffer to unmap files). */
    private static final String[] JDK17_OPENS = {
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
    };

    private final JvmProcess namesrv;
    private final JvmProcess broker;
    private final int namesrvPort;
    private final int brokerPort;

    private ApacheCluster(JvmProcess namesrv, JvmProcess broker, int namesrvPort, int brokerPort) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvPort = namesrvPort;
        this.brokerPort = brokerPort;
    }

    /** Starts both and waits for their boot lines; {@code brokerConfig} adds {@code key=value} lines. */
    public static ApacheCluster start(Path dir, String... brokerConfig) {
        return start(dir, Map.of(), brokerConfig);
    }

    /** As {@link #start(Path, String...)} with {@code -D} system properties for both JVMs (e.g. tls.*). */
    public static ApacheCluster start(Path dir, Map<String, String> sysProps, String... brokerConfig) {
        Path home = dir.resolve("rocketmq-home");
        int namesrvPort = FreePort.next();
        int brokerPort = FreePort.nextForBroker();
        write(home.resolve("conf/logback_namesrv.xml"), logback(dir.resolve("logs/namesrv.log")));
        write(home.resolve("conf/logback_broker.xml"), logback(dir.resolve("logs/broker.log")));
        write(dir.resolve("namesrv.conf"), "listenPort=" + namesrvPort + "\n"
            + "kvConfigPath=" + dir.resolve("namesrv/kvConfig.json") + "\n"
            + "configStorePath=" + dir.resolve("namesrv/namesrv.properties") + "\n");
        StringBuilder conf = new StringBuilder()
            .append("brokerClusterName=ApacheCluster\n")
            .append("brokerName=apache-broker-a\n")
            .append("brokerId=0\n")
            .append("brokerRole=ASYNC_MASTER\n")
            .append("flushDiskType=ASYNC_FLUSH\n")
            .append("namesrvAddr=127.0.0.1:").append(namesrvPort).append('\n')
            .append("brokerIP1=127.0.0.1\n")
            .append("brokerIP2=127.0.0.1\n")
            .append("listenPort=").append(brokerPort).append('\n')
            .append("storePathRootDir=").append(dir.resolve("store")).append('\n')
            .append("storePathCommitLog=").append(dir.resolve("store/commitlog")).append('\n')
            .append("mappedFileSizeCommitLog=67108864\n")
            .append("autoCreateTopicEnable=true\n")
            .append("autoCreateSubscriptionGroup=true\n")
            // tests check function, not flow control: a busy 2-core CI machine can queue a send for 200 ms
            .append("waitTimeMillsInSendQueue=3000\n");
        for (String line : brokerConfig) {
            conf.append(line).append('\n');
        }
        write(dir.resolve("broker.conf"), conf.toString());

        JvmProcess ns = apacheJvm("apache-namesrv", "org.apache.rocketmq.namesrv.NamesrvStartup", dir, home, sysProps)
            .args("-c", dir.resolve("namesrv.conf").toString()).start();
        try {
            ns.awaitOutput("boot success", Duration.ofSeconds(60));
            JvmProcess br = apacheJvm("apache-broker", "org.apache.rocketmq.broker.BrokerStartup", dir, home, sysProps)
                .heap("-Xmx512m")
                .args("-c", dir.resolve("broker.conf").toString()).start();
            try {
                br.awaitOutput("boot success", Duration.ofSeconds(90));
            } catch (RuntimeException e) {
                br.close();
                throw e;
            }
            return new ApacheCluster(ns, br, namesrvPort, brokerPort);
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    private static JvmProcess.Builder apacheJvm(String name, String mainClass, Path dir, Path home,
                                                Map<String, String> sysProps) {
        JvmProcess.Builder b = JvmProcess.builder(name, mainClass).dir(dir)
            .sysProp("rocketmq.home.dir", home.toString())
            .sysProp("java.net.preferIPv4Stack", "true")
            .sysProp("rocketmq.client.logRoot", dir.resolve("logs/client").toString());
        for (String opt : JDK17_OPENS) {
            b.jvmArg(opt);
        }
        sysProps.forEach(b::sysProp);
        return b;
    }

    private static String logback(Path file) {
        return "<configuration>\n"
            + "  <appender name=\"F\" class=\"ch.qos.logback.core.FileAppender\"><file>" + file + "</file>\n"
            + "    <encoder><pattern>%d{HH:mm:ss.SSS} %p %t %logger{0} - %m%n</pattern></encoder></appender>\n"
            + "  <root level=\"INFO\"><appender-ref ref=\"F\"/></root>\n"
            + "</configuration>\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String namesrvAddress() {
        return "127.0.0.1:" + namesrvPort;
    }

    public String brokerAddress() {
        return "127.0.0.1:" + brokerPort;
    }

    public String brokerName() {
        return "apache-broker-a";
    }

    public JvmProcess broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.close();
        namesrv.close();
    }
}
