package org.mercurymq.tools.command.message;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.tools.command.TimeText;

/** Prints one message in the labelled layout of RocketMQ's queryMsgById. Stateless. */
final class MessagePrinter {
    private static final String LINE = "%-20s %s%n";
    /** Longest body text printed; longer bodies are cut with a note. */
    private static final int MAX_BODY_CHARS = 4096;

    private MessagePrinter() {
    }

    static void print(MessageExt m, PrintStream out) {
        out.printf(LINE, "OffsetID:", offsetMsgId(m));
        out.printf(LINE, "Topic:", m.getTopic());
        out.printf(LINE, "Tags:", "[" + m.getTags() + "]");
        out.printf(LINE, "Keys:", "[" + m.getKeys() + "]");
        out.printf(LINE, "Queue ID:", String.valueOf(m.getQueueId()));
        out.printf(LINE, "Queue Offset:", String.valueOf(m.getQueueOffset()));
        out.printf(LINE, "CommitLog Offset:", String.valueOf(m.getCommitLogOffset()));
        out.printf(LINE, "Reconsume Times:", String.valueOf(m.getReconsumeTimes()));
        out.printf(LINE, "Born Timestamp:", TimeText.human(m.getBornTimestamp()));
        out.printf(LINE, "Store Timestamp:", TimeText.human(m.getStoreTimestamp()));
        out.printf(LINE, "Born Host:", m.getBornHostString() + ":" + port(m.getBornHost()));
        out.printf(LINE, "Store Host:", hostPort(m.getStoreHost()));
        out.printf(LINE, "System Flag:", String.valueOf(m.getSysFlag()));
        out.printf(LINE, "Properties:", m.getProperties() == null ? "" : new TreeMap<>(m.getProperties()).toString());
        out.printf(LINE, "Message Body:", bodyText(m.getBody()));
    }

    /** The id naming the storing broker and the commit-log offset. */
    static String offsetMsgId(MessageExt m) {
        return MessageDecoder.createMessageId(m.getStoreHost(), m.getCommitLogOffset());
    }

    /** The body as UTF-8 text, or a note on its size when it is not valid UTF-8. */
    static String bodyText(byte[] body) {
        if (body == null) {
            return "[0 bytes]";
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return s.length() > MAX_BODY_CHARS ? s.substring(0, MAX_BODY_CHARS) + "... [" + body.length + " bytes]" : s;
        } catch (CharacterCodingException e) {
            return "[" + body.length + " bytes, not UTF-8 text]";
        }
    }

    private static String hostPort(java.net.SocketAddress a) {
        if (a instanceof java.net.InetSocketAddress) {
            java.net.InetSocketAddress i = (java.net.InetSocketAddress) a;
            return i.getAddress().getHostAddress() + ":" + i.getPort();
        }
        return String.valueOf(a);
    }

    private static String port(java.net.SocketAddress a) {
        return a instanceof java.net.InetSocketAddress ? String.valueOf(((java.net.InetSocketAddress) a).getPort()) : "";
    }
}
