package org.mercurymq.common.message;

import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.Calendar;
import java.util.Date;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates client message ids (UNIQ_KEY, docs/protocol/message-format.md section 7.1): client IP, pid (low 16 bits),
 * class-loader hash, milliseconds since the start of the month and a 16-bit counter, as uppercase hex.
 * Thread-safe.
 */
public class MessageClientIDSetter {
    private static final int LEN;
    private static final String FIX_STRING;
    private static final AtomicInteger COUNTER = new AtomicInteger(0);
    private static long startTime;
    private static long nextStartTime;

    static {
        byte[] ip;
        try {
            ip = localIp();
        } catch (Exception e) {
            ip = fakeIp();
        }
        LEN = ip.length + 2 + 4 + 4 + 2;
        ByteBuffer buffer = ByteBuffer.allocate(ip.length + 2 + 4);
        buffer.put(ip);
        buffer.putShort((short) pid());
        buffer.putInt(MessageClientIDSetter.class.getClassLoader() == null
            ? 0 : MessageClientIDSetter.class.getClassLoader().hashCode());
        FIX_STRING = Hex.encode(buffer.array());
        setStartTime(System.currentTimeMillis());
    }

    private static synchronized void setStartTime(long millis) {
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(millis);
        cal.set(Calendar.DAY_OF_MONTH, 1);
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        cal.set(Calendar.MILLISECOND, 0);
        startTime = cal.getTimeInMillis();
        cal.add(Calendar.MONTH, 1);
        nextStartTime = cal.getTimeInMillis();
    }

    public static String createUniqID() {
        long current = System.currentTimeMillis();
        long base;
        synchronized (MessageClientIDSetter.class) {
            if (current >= nextStartTime) {
                setStartTime(current);
            }
            base = startTime;
        }
        ByteBuffer tail = ByteBuffer.allocate(6);
        tail.putInt((int) (current - base));
        tail.putShort((short) COUNTER.getAndIncrement());
        return FIX_STRING + Hex.encode(tail.array());
    }

    /** Sets UNIQ_KEY unless the message already has one. */
    public static void setUniqID(final Message msg) {
        if (msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) == null) {
            msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, createUniqID());
        }
    }

    public static String getUniqID(final Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    /** The creation time an id encodes, taking the month that makes it not lie in the future. */
    public static Date getNearlyTimeFromID(String msgID) {
        ByteBuffer buf = ByteBuffer.wrap(Hex.decode(msgID));
        int ipLength = buf.limit() == 28 ? 16 : 4;
        buf.position(ipLength + 2 + 4);
        long spanMS = buf.getInt() & 0xFFFFFFFFL;
        Calendar cal = Calendar.getInstance();
        long now = cal.getTimeInMillis();
        cal.set(Calendar.DAY_OF_MONTH, 1);
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        cal.set(Calendar.MILLISECOND, 0);
        long monStartTime = cal.getTimeInMillis();
        if (monStartTime + spanMS > now) {
            cal.add(Calendar.MONTH, -1);
            monStartTime = cal.getTimeInMillis();
        }
        cal.setTimeInMillis(monStartTime + spanMS);
        return cal.getTime();
    }

    public static byte[] getIPFromID(String msgID) {
        byte[] bytes = Hex.decode(msgID);
        int ipLength = bytes.length == 28 ? 16 : 4;
        byte[] result = new byte[ipLength];
        System.arraycopy(bytes, 0, result, 0, ipLength);
        return result;
    }

    public static String getIPStrFromID(String msgID) {
        byte[] ip = getIPFromID(msgID);
        try {
            return InetAddress.getByAddress(ip).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("bad address in message id " + msgID, e);
        }
    }

    public static int getPidFromID(String msgID) {
        byte[] bytes = Hex.decode(msgID);
        int ipLength = bytes.length == 28 ? 16 : 4;
        ByteBuffer wrap = ByteBuffer.wrap(bytes);
        return wrap.getShort(ipLength) & 0xFFFF;
    }

    static int idLength() {
        return LEN;
    }

    private static int pid() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        try {
            return Integer.parseInt(name.substring(0, name.indexOf('@')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** First public IPv4, else first public IPv6, else first private IPv4, else a time-derived fake. */
    private static byte[] localIp() throws Exception {
        byte[] privateV4 = null;
        byte[] publicV6 = null;
        Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
        while (interfaces != null && interfaces.hasMoreElements()) {
            Enumeration<InetAddress> addresses = interfaces.nextElement().getInetAddresses();
            while (addresses.hasMoreElements()) {
                InetAddress address = addresses.nextElement();
                if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                    continue;
                }
                if (address instanceof Inet4Address) {
                    if (address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
                        if (privateV4 == null) {
                            privateV4 = address.getAddress();
                        }
                    } else {
                        return address.getAddress();
                    }
                } else if (address instanceof Inet6Address && publicV6 == null
                    && !address.isLinkLocalAddress() && !address.isSiteLocalAddress()) {
                    publicV6 = address.getAddress();
                }
            }
        }
        if (publicV6 != null) {
            return publicV6;
        }
        if (privateV4 != null) {
            return privateV4;
        }
        return fakeIp();
    }

    private static byte[] fakeIp() {
        ByteBuffer bb = ByteBuffer.allocate(8);
        bb.putLong(System.currentTimeMillis());
        bb.position(4);
        byte[] fake = new byte[4];
        bb.get(fake);
        return fake;
    }

    /** Stands in for an address when the host has none: the low four bytes of the current time in ms. */
    public static byte[] createFakeIP() {
        ByteBuffer bb = ByteBuffer.allocate(8);
        bb.putLong(System.currentTimeMillis());
        byte[] fake = new byte[4];
        bb.position(4);
        bb.get(fake);
        return fake;
    }
}
