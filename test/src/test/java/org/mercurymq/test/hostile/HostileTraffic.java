package org.mercurymq.test.hostile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Drives {@link HostileFrames} at a set of server ports from several threads until a frame count is
 * reached: each connection carries a random run of hostile requests (replies are read and dropped) and
 * ends with a plain close, a connection killer or a truncated frame; a few more connections trickle
 * bytes into frames claiming 16 MiB. Counts what it sent and what the servers did. Thread-safe.
 */
final class HostileTraffic {
    private static final int TRICKLERS_PER_PORT = 8;

    private final List<InetSocketAddress> ports;
    private final long seed;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong killersLeftOpen = new AtomicLong();
    private final AtomicLong tricklersClosed = new AtomicLong();
    private final List<String> errors = new ArrayList<>();

    HostileTraffic(List<InetSocketAddress> ports, long seed) {
        this.ports = ports;
        this.seed = seed;
    }

    long frames() {
        return frames.get();
    }

    /** Reply frames the servers sent back on the hostile connections. */
    long answered() {
        return answered.get();
    }

    long connections() {
        return connections.get();
    }

    /** Connections that got a connection killer but were not closed by the server within 5 s. */
    long killersLeftOpen() {
        return killersLeftOpen.get();
    }

    /** Trickling connections the servers closed. */
    long tricklersClosed() {
        return tricklersClosed.get();
    }

    synchronized List<String> errors() {
        return new ArrayList<>(errors);
    }

    private synchronized void error(String e) {
        if (errors.size() < 20) {
            errors.add(e);
        }
    }

    /** Sends until {@code totalFrames} frames are out; returns the elapsed milliseconds. */
    long run(long totalFrames, int threads) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed + t);
            InetSocketAddress port = ports.get(t % ports.size());
            all.add(new Thread(() -> {
                HostileFrames gen = new HostileFrames(random);
                while (frames.get() < totalFrames) {
                    try {
                        oneConnection(port, gen, random);
                    } catch (IOException e) {
                        // the server may reset a connection it closed; that is its right
                    } catch (RuntimeException e) {
                        error("generator: " + e);
                    }
                }
            }, "hostile-" + t));
        }
        for (int p = 0; p < ports.size(); p++) {
            InetSocketAddress port = ports.get(p);
            all.add(new Thread(() -> trickle(port, done), "trickler-" + p));
        }
        long start = System.nanoTime();
        all.forEach(Thread::start);
        for (int t = 0; t < threads; t++) {
            all.get(t).join();
        }
        // the tricklers need ~1.5 s to push a server past its budget: on a loaded machine the frames can be out
        // sooner, so they go on (at most 30 s more) until the budget has closed one or the caller's check fails
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tricklersClosed.get() > 0);
        } catch (ConditionTimeoutException e) {
            // reported by the caller's assertion on tricklersClosed()
        }
        done.set(true);
        for (Thread t : all) {
            t.join();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void oneConnection(InetSocketAddress port, HostileFrames gen, Random random) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(port, 5000);
            connections.incrementAndGet();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            ReplyCounter replies = new ReplyCounter();
            int requests = 1 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 200);
            for (int i = 0; i < requests; i++) {
                out.write(gen.request());
                frames.incrementAndGet();
                if (i % 32 == 31) {
                    out.flush();
                    replies.drainAvailable(in);
                }
            }
            int end = random.nextInt(10);
            if (end >= 6) {
                out.write(end < 9 ? gen.connectionKiller() : gen.truncated());
                frames.incrementAndGet();
            }
            out.flush();
            // half-close: the server reads every frame sent before it sees the end of the stream
            s.shutdownOutput();
            boolean closed = replies.drainToEnd(in);
            answered.addAndGet(replies.frames());
            if (end >= 6 && end < 9 && !closed) {
                killersLeftOpen.incrementAndGet();
            }
        }
    }

    /** Counts the reply frames in the bytes read back, by their length prefixes. Not thread-safe. */
    private static final class ReplyCounter {
        private final byte[] buf = new byte[64 * 1024];
        private final byte[] prefix = new byte[4];
        private int prefixBytes;
        private long skip;
        private long frames;

        long frames() {
            return frames;
        }

        void drainAvailable(InputStream in) throws IOException {
            while (in.available() > 0) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                count(n);
            }
        }

        /** Reads until EOF; false if the server kept the connection open for 5 s. */
        boolean drainToEnd(InputStream in) {
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    count(n);
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the server
            }
        }

        private void count(int n) {
            int i = 0;
            while (i < n) {
                if (skip > 0) {
                    int k = (int) Math.min(skip, n - i);
                    skip -= k;
                    i += k;
                    if (skip == 0) {
                        frames++;
                    }
                    continue;
                }
                prefix[prefixBytes++] = buf[i++];
                if (prefixBytes == 4) {
                    prefixBytes = 0;
                    skip = ByteBuffer.wrap(prefix).getInt() & 0xFFFFFFFFL;
                    if (skip == 0) {
                        frames++;
                    }
                }
            }
        }
    }

    /** Keeps {@link #TRICKLERS_PER_PORT} connections feeding 16 KiB at a time into frames that claim 16 MiB. */
    private void trickle(InetSocketAddress port, AtomicBoolean done) {
        List<Socket> open = new ArrayList<>();
        byte[] chunk = new byte[16 * 1024];
        try {
            while (!done.get()) {
                while (open.size() < TRICKLERS_PER_PORT) {
                    Socket s = new Socket();
                    s.connect(port, 5000);
                    s.getOutputStream().write(ByteBuffer.allocate(8).putInt(16 * 1024 * 1024 - 4).putInt(64).array());
                    open.add(s);
                }
                for (int i = open.size() - 1; i >= 0; i--) {
                    try {
                        open.get(i).getOutputStream().write(chunk);
                    } catch (IOException closed) {
                        tricklersClosed.incrementAndGet();
                        open.remove(i).close();
                    }
                }
                LockSupport.parkNanos(20_000_000L); // pacing: a trickle, not a flood
            }
        } catch (IOException e) {
            error("trickler: " + e);
        } finally {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
