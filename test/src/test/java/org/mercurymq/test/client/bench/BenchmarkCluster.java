package org.mercurymq.test.client.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.mercurymq.test.harness.ApacheCluster;

/**
 * Starts the Apache RocketMQ 4.9.7 reference cluster for manual benchmark runs and keeps it until the
 * process is stopped. Usage: {@code BenchmarkCluster [dir]}; prints the name server address.
 */
public final class BenchmarkCluster {
    private BenchmarkCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("bench-cluster");
        ApacheCluster cluster = ApacheCluster.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "bench-cluster-stop"));
        System.out.println("NAMESRV " + cluster.namesrvAddress() + " BROKER " + cluster.brokerAddress());
        new CountDownLatch(1).await();
    }
}
