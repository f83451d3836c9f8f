package org.mercurymq.broker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/** Host name and advertised address defaults (brokerName, brokerIP1). Stateless and thread-safe. */
final class LocalHost {
    private LocalHost() {
    }

    /** The machine's host name, or {@code DEFAULT_BROKER} when it cannot be resolved. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isEmpty() ? "DEFAULT_BROKER" : name;
        } catch (UnknownHostException e) {
            return "DEFAULT_BROKER";
        }
    }

    /** The first site-local IPv4 address of an up interface, else the first non-loopback IPv4, else 127.0.0.1. */
    static String firstIPv4() {
        String anyNonLoopback = null;
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (!(a instanceof Inet4Address) || a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                        continue;
                    }
                    if (a.isSiteLocalAddress()) {
                        return a.getHostAddress();
                    }
                    if (anyNonLoopback == null) {
                        anyNonLoopback = a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            return "127.0.0.1";
        }
        return anyNonLoopback != null ? anyNonLoopback : "127.0.0.1";
    }
}
