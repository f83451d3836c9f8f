package org.mercurymq.test.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageDecoder;

/**
 * The findings of {@link DecoderFuzzTest}, one test each, in the default suite. The inputs are also kept
 * under src/test/resources/org/mercurymq/test/fuzz/DecoderFuzzTestInputs for Jazzer's regression mode.
 */
class DecoderFuzzRegressionTest {
    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** batchDecoding: a negative body length made decodeMessages throw NegativeArraySizeException. */
    @Test
    void aBatchElementWithANegativeBodyLengthIsRefused() {
        byte[] input = hex("0000d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d403");
        assertThrows(IllegalArgumentException.class, () -> MessageDecoder.decodeMessages(ByteBuffer.wrap(input)));
    }

    /** batchDecoding: a huge body length allocated up to 2 GiB before noticing the bytes are not there. */
    @Test
    void aBatchElementClaimingAHugeBodyIsRefusedBeforeAllocating() {
        ByteBuffer b = ByteBuffer.allocate(24).putInt(24).putInt(0).putInt(0).putInt(0).putInt(Integer.MAX_VALUE - 8);
        b.flip();
        assertThrows(IllegalArgumentException.class, () -> MessageDecoder.decodeMessages(b));
    }
}
