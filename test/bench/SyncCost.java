import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a synchronous flush costs on this disk, written through the mapping (as the commit log is) or with pwrite:
 * {@code java test/bench/SyncCost.java [dir] [KiB per sync] [syncs]} (defaults /tmp, 28, 600), single-file source
 * launch, no build. Per mode: a 64 MiB preallocated file, then each iteration writes the chunk and makes it durable
 * with msync (MappedByteBuffer.force(from, len)), fdatasync after a mapped write (FileChannel.force(false)), or
 * pwrite + fdatasync; prints the mean (docs/benchmarks.md "SYNC_FLUSH, side by side").
 */
public final class SyncCost {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
        int chunk = (args.length > 1 ? Integer.parseInt(args[1]) : 28) * 1024;
        int syncs = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        long size = 64L << 20;
        if ((long) chunk * syncs > size) {
            throw new IllegalArgumentException("chunk x syncs must fit in 64 MiB");
        }
        for (String mode : new String[] {"msync", "fdatasync-after-mmap", "pwrite+fdatasync", "msync", "pwrite+fdatasync"}) {
            Path file = dir.resolve("sync-cost-" + ProcessHandle.current().pid());
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                FileChannel ch = raf.getChannel();
                ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
                for (long at = 0; at < size; at += zeros.capacity()) {
                    zeros.clear();
                    ch.write(zeros, at);
                }
                ch.force(true);
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
                byte[] data = new byte[chunk];
                Arrays.fill(data, (byte) 7);
                long nanos = 0;
                int pos = 0;
                for (int i = 0; i < syncs; i++, pos += chunk) {
                    long start = System.nanoTime();
                    if (mode.startsWith("pwrite")) {
                        ch.write(ByteBuffer.wrap(data), pos);
                        ch.force(false);
                    } else {
                        map.put(pos, data);
                        if (mode.equals("msync")) {
                            map.force(pos, chunk);
                        } else {
                            ch.force(false);
                        }
                    }
                    nanos += System.nanoTime() - start;
                }
                System.out.printf("%-22s %.3f ms per write + sync of %d KiB (%d syncs)%n", mode, nanos / 1e6 / syncs,
                    chunk / 1024, syncs);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
