package org.mercurymq.test.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.netty.IncompleteFrameBudget;
import org.mercurymq.remoting.netty.RemotingFrameDecoder;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.store.DelayLevels;
import org.mercurymq.store.commitlog.RecordReader;

/**
 * Coverage-guided fuzzing with Jazzer of every decoder that reads untrusted bytes. Each target states its
 * contract: the exceptions it may throw on bad input; anything else (another exception, an Error such as
 * OutOfMemoryError, a hang) is a finding, which becomes a test in {@link DecoderFuzzRegressionTest}.
 * <p>
 * Without JAZZER_FUZZ=1 Jazzer only replays the stored inputs (regression mode). To fuzz one target for
 * its budget (maxDuration), run it alone in its own JVM (docs/reliability.md, "Hostile input"):
 * {@code JAZZER_FUZZ=1 mvn -B -o -Pchaos -pl test -am test -Dtest='DecoderFuzzTest#frameDecoder'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("chaos")
class DecoderFuzzTest {
    private static final List<Class<? extends CommandCustomHeader>> HEADERS = HeaderClasses.all();
    private static final RecordReader RECORDS = new RecordReader(DelayLevels.parse("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"));

    /** The frame decoder of every connection: bad input closes the connection, nothing escapes. */
    @FuzzTest(maxDuration = "60s")
    void frameDecoder(byte[] input) {
        EmbeddedChannel ch = new EmbeddedChannel(new RemotingFrameDecoder(64 * 1024,
            new IncompleteFrameBudget(32 * 1024, 1 << 20, System::nanoTime)));
        try {
            int cut = input.length == 0 ? 0 : (input[0] & 0xFF) % (input.length + 1);
            ch.writeInbound(Unpooled.wrappedBuffer(input, 0, cut));
            if (ch.isOpen()) { // bad input closed it: a closed channel refuses more reads, as a socket would
                ch.writeInbound(Unpooled.wrappedBuffer(input, cut, input.length - cut));
            }
            for (Object o; (o = ch.readInbound()) != null; ) {
                RemotingCommand cmd = (RemotingCommand) o;
                cmd.getExtFields();
                cmd.getRemark();
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /** Header decoding of any header class from any extFields: RemotingCommandException only. */
    @FuzzTest(maxDuration = "60s")
    void headerDecoding(FuzzedDataProvider data) {
        Class<? extends CommandCustomHeader> type = HEADERS.get(data.consumeInt(0, HEADERS.size() - 1));
        java.lang.reflect.Field[] fields = type.getDeclaredFields();
        HashMap<String, String> ext = new HashMap<>();
        int n = data.consumeInt(0, 16);
        for (int i = 0; i < n && fields.length > 0; i++) {
            String key = data.consumeBoolean() ? fields[data.consumeInt(0, fields.length - 1)].getName() : data.consumeString(8);
            ext.put(key, data.consumeString(64));
        }
        RemotingCommand cmd = RemotingCommand.createRequestCommand(data.consumeInt(), null);
        cmd.setExtFields(ext);
        try {
            cmd.decodeCommandCustomHeader(type);
        } catch (RemotingCommandException expected) {
            // the documented answer to a bad header
        }
    }

    /** Stored records as recovery and dispatch read them: never throws, a bad record is invalid. */
    @FuzzTest(maxDuration = "60s")
    void storedRecordReader(byte[] input) {
        readRecords(input);
    }

    /** Reads back-to-back records as recovery does, until one is not valid; returns how many were. */
    static int readRecords(byte[] input) {
        ByteBuffer buf = ByteBuffer.wrap(input);
        int valid = 0;
        while (buf.hasRemaining()) {
            int before = buf.position();
            if (!RECORDS.read(buf, before, true).isSuccess() || buf.position() == before) {
                return valid;
            }
            valid++;
        }
        return valid;
    }

    /** Pulled records as clients decode them, and property strings: never throw. */
    @FuzzTest(maxDuration = "60s")
    void messageDecoders(byte[] input) {
        MessageDecoder.decodes(ByteBuffer.wrap(input));
        MessageDecoder.decodesBatch(ByteBuffer.wrap(input), true, true, true);
        MessageDecoder.string2messageProperties(new String(input, MessageDecoder.CHARSET_UTF8));
        try {
            MessageDecoder.decodeProperties(ByteBuffer.wrap(input));
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException expected) {
            // a record too short for its own length fields
        }
    }

    /** Batch bodies (SEND_BATCH_MESSAGE): IllegalArgumentException or BufferUnderflowException only. */
    @FuzzTest(maxDuration = "60s")
    void batchDecoding(byte[] input) {
        try {
            MessageDecoder.decodeMessages(ByteBuffer.wrap(input));
        } catch (IllegalArgumentException | BufferUnderflowException expected) {
            // a malformed batch is refused
        }
    }
}
