package org.mercurymq.client.support;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Enumeration;

/** Picks the address a client reports as its {@code clientIP}. Stateless and thread-safe. */
public final class LocalAddress {
    private LocalAddress() {
    }

    /**
     * The first non-loopback IPv4 address of an up interface, else the first non-loopback IPv6 one,
     * else the local host address, else {@code 127.0.0.1}.
     */
    public static String pick() {
        String v6 = null;
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                NetworkInterface nif = interfaces.nextElement();
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual()) {
                    continue;
                }
                Enumeration<InetAddress> addrs = nif.getInetAddresses();
                while (addrs.hasMoreElements()) {
                    InetAddress a = addrs.nextElement();
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                        continue;
                    }
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                    if (a instanceof Inet6Address && v6 == null) {
                        v6 = stripScope(a.getHostAddress());
                    }
                }
            }
            if (v6 != null) {
                return v6;
            }
            return InetAddress.getLocalHost().getHostAddress();
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }

    private static String stripScope(String addr) {
        int i = addr.indexOf('%');
        return i < 0 ? addr : addr.substring(0, i);
    }
}
