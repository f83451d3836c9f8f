package org.mercurymq.tools.command.message;

import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.mercurymq.common.message.MessageClientExt;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MessageTrack;
import org.mercurymq.tools.command.TimeText;

/**
 * The message detail block of RocketMQ 4.9.7's queryMsgByOffset, line for line: the labelled fields, the body written
 * to {@value #BODY_DIR}/&lt;msgId&gt; (the path is printed instead of the body), then the message's track per
 * consumer group (docs/mqadmin.md). Stateless.
 */
final class MessageDetailPrinter {
    /** Where RocketMQ's tools write message bodies; kept so scripts that read them work unchanged. */
    static final String BODY_DIR = "/tmp/rocketmq/msgbodys";
    private static final String TEXT = "%-20s %s%n";
    private static final String NUMBER = "%-20s %d%n";

    private MessageDetailPrinter() {
    }

    static void print(DefaultMQAdminExt admin, MessageExt msg, PrintStream out) throws IOException {
        print(admin, msg, out, true);
    }

    /** @param withOffsetId false for queryMsgByUniqueKey, whose detail starts at "Topic:" in RocketMQ 4.9.7 */
    static void print(DefaultMQAdminExt admin, MessageExt msg, PrintStream out, boolean withOffsetId) throws IOException {
        String bodyPath = writeBody(msg);
        String offsetId = msg instanceof MessageClientExt ? ((MessageClientExt) msg).getOffsetMsgId() : msg.getMsgId();
        if (withOffsetId) {
            out.printf(TEXT, "OffsetID:", offsetId);
        }
        out.printf(TEXT, "Topic:", msg.getTopic());
        out.printf(TEXT, "Tags:", "[" + msg.getTags() + "]");
        out.printf(TEXT, "Keys:", "[" + msg.getKeys() + "]");
        out.printf(NUMBER, "Queue ID:", msg.getQueueId());
        out.printf(NUMBER, "Queue Offset:", msg.getQueueOffset());
        out.printf(NUMBER, "CommitLog Offset:", msg.getCommitLogOffset());
        out.printf(NUMBER, "Reconsume Times:", msg.getReconsumeTimes());
        out.printf(TEXT, "Born Timestamp:", TimeText.human(msg.getBornTimestamp()));
        out.printf(TEXT, "Store Timestamp:", TimeText.human(msg.getStoreTimestamp()));
        out.printf(TEXT, "Born Host:", addr(msg.getBornHost()));
        out.printf(TEXT, "Store Host:", addr(msg.getStoreHost()));
        out.printf(NUMBER, "System Flag:", msg.getSysFlag());
        out.printf(TEXT, "Properties:", msg.getProperties() != null ? msg.getProperties().toString() : "");
        out.printf(TEXT, "Message Body Path:", bodyPath);
        try {
            List<MessageTrack> tracks = admin.messageTrackDetail(msg);
            if (tracks.isEmpty()) {
                out.printf("%n%nWARN: No Consumer");
            } else {
                out.printf("%n%n");
                for (MessageTrack t : tracks) {
                    out.printf("%s", t);
                }
            }
        } catch (Exception e) {
            // RocketMQ prints the trace and keeps the block; one line is enough for an operator
            System.err.println("message track of " + offsetId + " failed: " + e.getMessage());
        }
    }

    private static String writeBody(MessageExt msg) throws IOException {
        Path dir = Paths.get(BODY_DIR);
        Files.createDirectories(dir);
        // named by the client's unique id when the message has one (RocketMQ's client message id), as 4.9.7 names it
        String uniq = msg.getProperty(org.mercurymq.common.message.MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        String name = uniq != null ? uniq : msg.getMsgId();
        Path file = dir.resolve(name);
        Files.write(file, msg.getBody() == null ? new byte[0] : msg.getBody());
        return BODY_DIR + "/" + name;
    }

    /** {@code ip:port}: the socket address text without its leading '/'. */
    private static String addr(SocketAddress a) {
        String s = String.valueOf(a);
        return s.isEmpty() ? s : s.substring(1);
    }
}
