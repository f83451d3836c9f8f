package org.mercurymq.bench.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.mercurymq.remoting.protocol.SerializeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Encode and decode of a SEND_MESSAGE_V2-like request (13 header fields, 1 KiB body) in both serializations. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RemotingCodecBenchmark {
    @Param({"JSON", "ROCKETMQ"})
    public SerializeType serializeType;

    private RemotingCommand request;
    private ByteBuf out;
    private ByteBuf frame;
    private int frameLength;

    @Setup
    public void setUp() {
        request = SendMessageRequests.create(serializeType);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        byte[] bytes = RemotingCommandCodec.encodeToBytes(request);
        frameLength = bytes.length;
        frame = Unpooled.wrappedBuffer(bytes);
    }

    @TearDown
    public void tearDown() {
        out.release();
        frame.release();
    }

    /** Encoding into a pooled direct buffer, as the Netty encoder does. */
    @Benchmark
    public int encode() {
        out.clear();
        RemotingCommandCodec.encode(request, out);
        return out.writerIndex();
    }

    /** Decoding one frame whose length prefix the frame decoder has stripped. */
    @Benchmark
    public RemotingCommand decode() throws RemotingCommandException {
        frame.setIndex(4, frameLength);
        return RemotingCommandCodec.decode(frame);
    }
}
