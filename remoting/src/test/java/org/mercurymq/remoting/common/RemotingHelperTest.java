package org.mercurymq.remoting.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RemotingHelperTest {

    @Test
    void parsesHostAndPort() {
        InetSocketAddress a = (InetSocketAddress) RemotingHelper.string2SocketAddress("127.0.0.1:9876");
        assertEquals("127.0.0.1", a.getHostString());
        assertEquals(9876, a.getPort());
        InetSocketAddress v6 = (InetSocketAddress) RemotingHelper.string2SocketAddress("[::1]:10911");
        assertEquals(10911, v6.getPort());
        assertThrows(IllegalArgumentException.class, () -> RemotingHelper.string2SocketAddress("nohost"));
    }

    @Test
    void socketAddressPrintsAsIpPort() {
        assertEquals("127.0.0.1:10911", RemotingHelper.parseSocketAddressAddr(new InetSocketAddress("127.0.0.1", 10911)));
        assertEquals("", RemotingHelper.parseSocketAddressAddr(null));
    }

    @Test
    void exceptionSimpleDescHasTextAndFirstFrame() {
        String desc = RemotingHelper.exceptionSimpleDesc(new IllegalStateException("boom"));
        assertTrue(desc.startsWith("java.lang.IllegalStateException: boom, "), desc);
        assertTrue(desc.contains("RemotingHelperTest"), desc);
        assertEquals("UTF-8", RemotingHelper.DEFAULT_CHARSET);
    }
}
