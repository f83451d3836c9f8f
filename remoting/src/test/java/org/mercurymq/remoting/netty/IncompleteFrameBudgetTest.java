package org.mercurymq.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;

/** The per-connection and total bounds on incomplete frames, on embedded channels with a hand-driven clock. */
class IncompleteFrameBudgetTest {
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private final AtomicLong nanos = new AtomicLong();

    private EmbeddedChannel channel(IncompleteFrameBudget budget) {
        return new EmbeddedChannel(new RemotingFrameDecoder(MAX_FRAME, budget));
    }

    /** The start of a frame that claims {@code claimed} bytes, followed by {@code data} bytes of it. */
    private static byte[] partialFrame(int claimed, int data) {
        byte[] b = new byte[4 + data];
        Unpooled.wrappedBuffer(b).setInt(0, claimed);
        return b;
    }

    @Test
    void completeFramesHoldNothing() {
        IncompleteFrameBudget budget = new IncompleteFrameBudget(1024, 4096, nanos::get);
        EmbeddedChannel ch = channel(budget);
        byte[] frame = RemotingCommandCodec.encodeToBytes(RemotingCommand.createRequestCommand(1, null));
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        assertEquals(0, budget.total());
        ch.writeInbound(Unpooled.wrappedBuffer(frame, 0, 10));
        assertTrue(budget.total() >= 10, "half a frame is held");
        ch.writeInbound(Unpooled.wrappedBuffer(frame, 10, frame.length - 10));
        assertEquals(0, budget.total(), "the frame completed");
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void aConnectionOverItsOwnLimitIsClosed() {
        IncompleteFrameBudget budget = new IncompleteFrameBudget(64 * 1024, 1 << 30, nanos::get);
        EmbeddedChannel ch = channel(budget);
        ch.writeInbound(Unpooled.wrappedBuffer(partialFrame(MAX_FRAME - 4, 32 * 1024)));
        assertTrue(ch.isOpen());
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[40 * 1024]));
        assertFalse(ch.isOpen(), "72 KiB held > 64 KiB");
        assertEquals(0, budget.total());
        assertEquals(1, budget.closedConnections());
        ch.finishAndReleaseAll();
    }

    @Test
    void overTheTotalTheSlowestSendersAreClosed() {
        IncompleteFrameBudget budget = new IncompleteFrameBudget(1 << 30, 320 * 1024, nanos::get);
        EmbeddedChannel slow = channel(budget);
        slow.writeInbound(Unpooled.wrappedBuffer(partialFrame(MAX_FRAME - 4, 60 * 1024)));
        nanos.addAndGet(10_000_000_000L); // the slow one took 10 s for its first 60 KiB ...
        slow.writeInbound(Unpooled.wrappedBuffer(new byte[40 * 1024]));
        EmbeddedChannel fast = channel(budget);
        fast.writeInbound(Unpooled.wrappedBuffer(partialFrame(MAX_FRAME - 4, 60 * 1024)));
        nanos.addAndGet(1_000_000L); // ... the fast one 1 ms for 200 KiB
        fast.writeInbound(Unpooled.wrappedBuffer(new byte[140 * 1024]));
        assertFalse(slow.isOpen(), "the slowest sender goes first");
        assertTrue(fast.isOpen());
        assertTrue(budget.total() <= 280 * 1024, "back under 7/8 of the budget: " + budget.total());
        assertEquals(1, budget.closedConnections());
        fast.close();
        assertEquals(0, budget.total(), "a closed connection gives its bytes back");
        slow.finishAndReleaseAll();
        fast.finishAndReleaseAll();
    }
}
