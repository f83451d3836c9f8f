package org.mercurymq.common.message;

/** Uppercase hex rendering of message ids. Stateless. */
final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    static String encode(byte[] src) {
        char[] out = new char[src.length * 2];
        for (int i = 0; i < src.length; i++) {
            int v = src[i] & 0xFF;
            out[i * 2] = DIGITS[v >>> 4];
            out[i * 2 + 1] = DIGITS[v & 0x0F];
        }
        return new String(out);
    }

    /** Decodes hex digits of either case; throws IllegalArgumentException on odd length or a non-hex char. */
    static byte[] decode(String hex) {
        if (hex == null || (hex.length() & 1) != 0) {
            throw new IllegalArgumentException("not a hex string of even length: " + hex);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(i * 2)) << 4 | digit(hex.charAt(i * 2 + 1)));
        }
        return out;
    }

    private static int digit(char c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new IllegalArgumentException("not a hex digit: '" + c + "'");
        }
        return d;
    }
}
