package org.mercurymq.store.recovery;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.commitlog.RecordReader;
import org.mercurymq.store.logfile.MappedFile;

/**
 * Looks past invalid commit-log bytes for the next record that is valid with its body CRC checked
 * (docs/store.md, "Holes"). A zero-filled hole left by a full disk, or a record with a flipped bit, is
 * followed by acknowledged data that must not be cut away with it. A record is recognised by its magic at
 * +4 and its own offset in PHYSICALOFFSET, then fully validated; a chance match of all of that and a CRC
 * in garbage is not a practical concern. Stateless; thread-safe over segments that are not being deleted.
 */
public final class HoleFinder {
    private final RecordReader reader;

    public HoleFinder(RecordReader reader) {
        this.reader = reader;
    }

    /**
     * What lies after invalid bytes at {@code start}.
     *
     * @param resumeAt offset of the next valid record, or -1 when nothing valid follows (a torn tail)
     * @param corruptRecords offsets of record headers inside the hole whose record did not validate (e.g.
     *                       a CRC mismatch); they must not be served
     * @param dataEnd the end of the last non-zero 8-byte word seen after {@code start} (for a torn tail:
     *                how far partial data reaches), or {@code start}
     */
    public record Hole(long start, long resumeAt, List<Long> corruptRecords, long dataEnd) {
        public long length() {
            return resumeAt - start;
        }
    }

    /**
     * Searches {@code segments} (in order) from {@code start} for the next valid record that ends at or
     * before {@code limit}.
     */
    public Hole find(List<MappedFile> segments, long start, long limit) {
        List<Long> corrupt = new ArrayList<>();
        long[] dataEnd = {start};
        for (MappedFile file : segments) {
            long from = file.getFileFromOffset();
            long to = from + file.getFileSize();
            if (to <= start || from >= limit) {
                continue;
            }
            SelectMappedBufferResult whole = file.selectWholeFile();
            if (whole == null) {
                continue;
            }
            try {
                int firstPos = (int) Math.max(0, start - from);
                int endPos = (int) Math.min(file.getFileSize(), limit - from);
                long found = search(whole.getByteBuffer(), from, firstPos, endPos, corrupt, dataEnd);
                if (found >= 0) {
                    return new Hole(start, found, corrupt, dataEnd[0]);
                }
            } finally {
                whole.release();
            }
        }
        return new Hole(start, -1, corrupt, dataEnd[0]);
    }

    /**
     * Returns the offset of the first valid record starting in [firstPos, endPos) and ending by endPos.
     * Every byte of the magic is non-zero, so aligned 8-byte words that are zero cannot hold any of it and
     * are skipped: the cost is one read per 8 bytes of a zero-filled hole.
     */
    private long search(ByteBuffer buf, long fileFrom, int firstPos, int endPos, List<Long> corrupt,
                        long[] dataEnd) {
        int nextMagicPos = firstPos + MessageDecoder.MESSAGE_MAGIC_CODE_POSTION;
        int firstWord = (nextMagicPos / 8) * 8;
        // partial data before the first whole word (whose earlier bytes may belong to the last valid record)
        for (int i = firstPos; i < Math.min(endPos, firstWord + 8); i++) {
            if (buf.get(i) != 0) {
                dataEnd[0] = Math.max(dataEnd[0], fileFrom + i + 1);
            }
        }
        for (int word = firstWord; word + 8 <= endPos; word += 8) {
            if (buf.getLong(word) == 0) {
                nextMagicPos = Math.max(nextMagicPos, word + 8);
                continue;
            }
            if (word >= firstPos) {
                dataEnd[0] = Math.max(dataEnd[0], fileFrom + word + 8);
            }
            // every magic overlapping this word starts in [word - 3, word + 7]
            int last = Math.min(word + 7, endPos - 4);
            for (int magicPos = Math.max(nextMagicPos, word - 3); magicPos <= last; magicPos++) {
                long offset = candidate(buf, fileFrom, magicPos - MessageDecoder.MESSAGE_MAGIC_CODE_POSTION, endPos,
                    corrupt);
                if (offset >= 0) {
                    return offset;
                }
            }
            nextMagicPos = Math.max(nextMagicPos, last + 1);
        }
        return -1;
    }

    private long candidate(ByteBuffer buf, long fileFrom, int pos, int endPos, List<Long> corrupt) {
        if (pos < 0 || pos + MessageDecoder.PHY_POS_POSITION + 8 > endPos
            || buf.getInt(pos + MessageDecoder.MESSAGE_MAGIC_CODE_POSTION) != MessageDecoder.MESSAGE_MAGIC_CODE
            || buf.getLong(pos + MessageDecoder.PHY_POS_POSITION) != fileFrom + pos) {
            return -1;
        }
        ByteBuffer view = buf.duplicate();
        view.limit(endPos);
        view.position(pos);
        DispatchRequest req = reader.read(view, fileFrom + pos, true);
        if (req.isSuccess() && req.getMsgSize() > 0) {
            return fileFrom + pos;
        }
        corrupt.add(fileFrom + pos);
        return -1;
    }
}
