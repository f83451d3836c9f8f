package org.mercurymq.common.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.mercurymq.common.sysflag.MessageSysFlag;

/**
 * zlib compression of message bodies (docs/protocol/message-format.md section 5). Type 0 (legacy) and 3 are zlib;
 * LZ4 and ZSTD bodies are refused with a clear error because no codec for them is bundled. Stateless.
 */
public final class BodyCompression {
    /** The 4.9.x client default level; produces the header bytes 78 5E. */
    public static final int DEFAULT_LEVEL = 5;

    private BodyCompression() {
    }

    public static byte[] compress(byte[] src, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(src);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The most a body may inflate to (256 MiB): far above any legitimate body (RocketMQ limits the compressed
     * size to maxMessageSize, 4 MiB by default, and text rarely compresses beyond 10:1), far below what a zlib
     * bomb of a few megabytes reaches (about 1000:1). RocketMQ inflates without a bound.
     */
    public static final int MAX_INFLATED_BYTES = 256 * 1024 * 1024;

    /** Inflates a body whose sysFlag carries {@link MessageSysFlag#COMPRESSED_FLAG}, up to {@link #MAX_INFLATED_BYTES}. */
    public static byte[] decompress(byte[] src, int sysFlag) throws IOException {
        return decompress(src, sysFlag, MAX_INFLATED_BYTES);
    }

    /** As {@link #decompress(byte[], int)}; a body that would inflate past {@code maxBytes} is an IOException. */
    public static byte[] decompress(byte[] src, int sysFlag, int maxBytes) throws IOException {
        int type = MessageSysFlag.getCompressionType(sysFlag);
        if (type != 0 && type != 3) {
            throw new IOException("unsupported body compression type " + type + " (only zlib is supported)");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, src.length * 4L));
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated zlib body");
                }
                if (out.size() + (long) n > maxBytes) {
                    throw new IOException("zlib body of " + src.length + " bytes inflates past " + maxBytes
                        + " bytes; not inflated");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("corrupt zlib body: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
