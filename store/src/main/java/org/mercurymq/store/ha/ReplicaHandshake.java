package org.mercurymq.store.ha;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.mercurymq.store.ha.epoch.EpochEntry;

/**
 * The controller-mode opening of an HA connection (docs/controller.md, "Replication in controller mode"). Before its
 * first offset report the slave sends {@code HELLO · slaveBrokerId} (16 bytes); the master answers {@code HELLO ·
 * masterMaxOffset · entryCount · (epoch int, startOffset long) × entryCount}. HELLO is negative, so a classic
 * slave's first 8 bytes (an offset, never negative) are never mistaken for it: classic slaves are served as before.
 * After the exchange the slave truncates to the consistent point and both sides speak the classic protocol.
 */
final class ReplicaHandshake {
    /** "MERCURY" with the sign bit set. */
    static final long HELLO = 0x8000_4D45_5243_5259L;
    private static final int MAX_ENTRIES = 1_000_000;

    /** What the master said: its max offset and its epoch entries. */
    record MasterView(long maxOffset, List<EpochEntry> entries) {
    }

    private ReplicaHandshake() {
    }

    static void writeHello(OutputStream out, long slaveBrokerId) throws IOException {
        byte[] b = new byte[16];
        HAStream.putLong(b, 0, HELLO);
        HAStream.putLong(b, 8, slaveBrokerId);
        out.write(b);
        out.flush();
    }

    static void writeMasterView(OutputStream out, long maxOffset, List<EpochEntry> entries) throws IOException {
        byte[] b = new byte[8 + 8 + 4 + 12 * entries.size()];
        HAStream.putLong(b, 0, HELLO);
        HAStream.putLong(b, 8, maxOffset);
        HAStream.putInt(b, 16, entries.size());
        int at = 20;
        for (EpochEntry e : entries) {
            HAStream.putInt(b, at, e.epoch());
            HAStream.putLong(b, at + 4, e.startOffset());
            at += 12;
        }
        out.write(b);
        out.flush();
    }

    static MasterView readMasterView(InputStream in, HAStream.IdleHook idle) throws IOException {
        byte[] head = new byte[20];
        HAStream.readFully(in, head, head.length, idle);
        if (HAStream.getLong(head, 0) != HELLO) {
            throw new IOException("the master did not answer the controller-mode handshake (is it in controller mode?)");
        }
        long max = HAStream.getLong(head, 8);
        int count = HAStream.getInt(head, 16);
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("bad epoch entry count " + count + " in the master's handshake");
        }
        byte[] body = new byte[12 * count];
        HAStream.readFully(in, body, body.length, idle);
        List<EpochEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new EpochEntry(HAStream.getInt(body, i * 12), HAStream.getLong(body, i * 12 + 4)));
        }
        return new MasterView(max, entries);
    }
}
