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

    /** Inflates a body whose sysFlag carries {@link MessageSysFlag#COMPRESSED_FLAG}. */
    public static byte[] decompress(byte[] src, int sysFlag) throws IOException {
        int type = MessageSysFlag.getCompressionType(sysFlag);
        if (type != 0 && type != 3) {
            throw new IOException("unsupported body compression type " + type + " (only zlib is supported)");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src);
            ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated zlib body");
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
