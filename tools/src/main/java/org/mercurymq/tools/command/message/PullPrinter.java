package org.mercurymq.tools.command.message;

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.List;
import org.mercurymq.common.message.MessageExt;

/** The {@code MSGID: <id> <MessageExt> BODY: <body>} lines of printMsg, printMsgByQueue and consumeMessage. Stateless. */
final class PullPrinter {
    private PullPrinter() {
    }

    static void print(List<MessageExt> msgs, String charsetName, boolean printBody, PrintStream out)
        throws UnsupportedEncodingException {
        for (MessageExt m : msgs) {
            out.printf("MSGID: %s %s BODY: %s%n", m.getMsgId(), m,
                printBody ? new String(m.getBody(), charsetName) : "NOT PRINT BODY");
        }
    }
}
