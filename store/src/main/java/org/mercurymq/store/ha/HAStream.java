package org.mercurymq.store.ha;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Blocking reads on an HA socket whose SO_TIMEOUT is short, so the reading thread can run idle work
 * (heartbeats, housekeeping, stop checks) between partial reads without losing bytes. Not thread-safe.
 */
final class HAStream {
    /** Short poll so idle work runs promptly; the socket timeout is set to this. */
    static final int POLL_MILLIS = 500;

    /** Work to do while no bytes arrive; throws IOException to give up on the connection. */
    interface IdleHook {
        void onIdle() throws IOException;
    }

    private HAStream() {
    }

    /** Fills {@code buf[0, len)}; calls {@code idle} on every poll time-out; EOF is an IOException. */
    static void readFully(InputStream in, byte[] buf, int len, IdleHook idle) throws IOException {
        int pos = 0;
        while (pos < len) {
            int n;
            try {
                n = in.read(buf, pos, len - pos);
            } catch (SocketTimeoutException e) {
                idle.onIdle();
                continue;
            }
            if (n < 0) {
                throw new IOException("connection closed by peer");
            }
            pos += n;
        }
    }

    static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFFL);
        }
        return v;
    }

    static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
