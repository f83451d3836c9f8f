package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds currently free loopback ports for daemons whose port must be known before they start. Broker ports
 * come from below the kernel's ephemeral range: a broker restarted after {@code kill -9} binds the same ports
 * again, and a port from the ephemeral range may meanwhile be the local port of any outgoing connection on
 * the machine (a restart failed with "Address already in use" that way).
 */
public final class FreePort {
    private static final int LOWEST = 10_000;

    private FreePort() {
    }

    /** A free port chosen by the kernel (from its ephemeral range). */
    public static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port p whose neighbours p-2 and p+1 are also free (a broker's VIP and HA ports), below the
     * ephemeral range when there is room there.
     */
    public static int nextForBroker() {
        int ephemeralLow = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = ephemeralLow - 2 > LOWEST + 3
                ? ThreadLocalRandom.current().nextInt(LOWEST + 2, ephemeralLow - 2)
                : next();
            if (p > 1026 && p < 65534 && isFree(p) && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port triple found");
    }

    /** A free port below the ephemeral range, for a daemon that may be restarted on the same port. */
    public static int nextStable() {
        int ephemeralLow = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = ephemeralLow > LOWEST + 1 ? ThreadLocalRandom.current().nextInt(LOWEST, ephemeralLow) : next();
            if (isFree(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    /** First port of the kernel's ephemeral range (Linux; the IANA default elsewhere). */
    private static int ephemeralRangeStart() {
        try {
            String range = new String(Files.readAllBytes(Paths.get("/proc/sys/net/ipv4/ip_local_port_range")),
                StandardCharsets.US_ASCII).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49152;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
