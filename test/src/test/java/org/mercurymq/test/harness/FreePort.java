package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds currently free loopback ports for daemons whose port must be known before they start. */
public final class FreePort {
    private FreePort() {
    }

    public static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port p whose neighbours p-2 and p+1 are also free (a broker's VIP and HA ports). */
    public static int nextForBroker() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p = next();
            if (p > 1026 && p < 65534 && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port triple found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
