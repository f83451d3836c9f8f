package org.mercurymq.test.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static byte[] finding(String target, String name) throws java.io.IOException {
        try (java.io.InputStream in = DecoderFuzzRegressionTest.class.getResourceAsStream(
            "DecoderFuzzTestInputs/" + target + "/" + name)) {
            return in.readAllBytes();
        }
    }

    /**
     * storedRecordReader: a record whose body length is near 2^31 overflowed the bounds check and the
     * reader threw IndexOutOfBoundsException (recovery of a corrupt CommitLog would have failed instead of
     * truncating). It is now an invalid record.
     */
    @Test
    void aStoredRecordWithAnOverflowingBodyLengthIsInvalid() throws Exception {
        byte[] input = finding("storedRecordReader", "crash-dc45241195afc4f015bca0e1d74b9065caf84471");
        assertEquals(0, DecoderFuzzTest.readRecords(input));
    }

    /**
     * messageDecoders (a 15 s "slow unit" of 92 bytes): a record claiming a body of nearly 2 GiB made
     * decode allocate it before noticing the bytes were not there. It is now refused at once (null).
     */
    @Test
    void aRecordClaimingAHugeBodyIsRefusedWithoutAllocatingIt() throws Exception {
        byte[] input = finding("messageDecoders", "slow-unit-96022912b6f13d8ab720faaa15749f80c36e12f6");
        ByteBuffer record = ByteBuffer.allocate(200);
        record.putInt(200).putInt(0xdaa320a7).putInt(0).putInt(0).putInt(0).putLong(0).putLong(0).putInt(0).putLong(0)
            .put(new byte[8]).putLong(0).put(new byte[8]).putInt(0).putLong(0).putInt(Integer.MAX_VALUE - 16);
        record.flip();
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        MessageDecoder.decodes(ByteBuffer.wrap(input));
        assertEquals(null, MessageDecoder.decode(record));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16 * 1024 * 1024, "decoding 292 bytes allocated " + allocated + " bytes");
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
