package org.mercurymq.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.sysflag.MessageSysFlag;

class BodyCompressionTest {
    private static final int ZLIB = MessageSysFlag.COMPRESSED_FLAG;

    @Test
    void aBodyWithinTheBoundRoundTrips() throws Exception {
        byte[] text = new byte[1 << 20];
        Arrays.fill(text, (byte) 'a');
        byte[] packed = BodyCompression.compress(text, BodyCompression.DEFAULT_LEVEL);
        assertArrayEquals(text, BodyCompression.decompress(packed, ZLIB, 1 << 20));
    }

    @Test
    void aBombIsRefusedAtTheBoundInsteadOfFillingTheHeap() {
        // 64 MiB of zeros deflate to about 64 KiB: 1000:1, the shape of a zlib bomb
        byte[] zeros = new byte[64 << 20];
        byte[] bomb = BodyCompression.compress(zeros, 9);
        assertTrue(bomb.length < 256 * 1024, "compressed to " + bomb.length);
        IOException e = assertThrows(IOException.class, () -> BodyCompression.decompress(bomb, ZLIB, 8 << 20));
        assertTrue(e.getMessage().contains("inflates past " + (8 << 20)), e.getMessage());
    }
}
