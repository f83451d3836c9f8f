package org.mercurymq.tools.command.message;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import org.mercurymq.tools.command.SubCommandException;
import org.mercurymq.tools.command.TimeText;

/** The begin/end times printMsg, printMsgByQueue and consumeMessage accept: epoch ms or yyyy-MM-dd#HH:mm:ss:SSS. */
final class PullTimes {
    private PullTimes() {
    }

    static long parse(String text) throws SubCommandException {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            SimpleDateFormat f = new SimpleDateFormat(TimeText.RESET_PATTERN);
            f.setLenient(false);
            try {
                return f.parse(t).getTime();
            } catch (ParseException pe) {
                throw new SubCommandException("time '" + t + "' is neither epoch milliseconds nor " + TimeText.RESET_PATTERN);
            }
        }
    }
}
