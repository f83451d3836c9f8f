package org.mercurymq.client.impl.consumer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the stored records of a pull reply one by one. A record that an older broker acknowledged although
 * its body is poison (empty, or flagged compressed but not zlib) must neither stall the queue nor hide the
 * records after it: an empty body is delivered as an empty array, a body that cannot be inflated as stored
 * (the flag kept), each with one WARN line naming the record (docs/broker.md, "Input validation"). The 4.9.7
 * client stops decoding at such a record. Stateless and thread-safe.
 */
final class PulledMessages {
    private static final Logger LOG = LoggerFactory.getLogger(PulledMessages.class);

    private PulledMessages() {
    }

    static List<MessageExt> decode(MessageQueue mq, byte[] binary) {
        ByteBuffer buffer = ByteBuffer.wrap(binary);
        List<MessageExt> out = new ArrayList<MessageExt>();
        while (buffer.hasRemaining()) {
            MessageExt msg = MessageDecoder.decode(buffer, true, false, true);
            if (msg == null) {
                break;
            }
            byte[] body = msg.getBody();
            if (body == null) {
                LOG.warn("message at {} offset {} has an empty body; delivered with an empty body", mq, msg.getQueueOffset());
                msg.setBody(new byte[0]);
            } else if ((msg.getSysFlag() & MessageSysFlag.COMPRESSED_FLAG) != 0) {
                try {
                    msg.setBody(BodyCompression.decompress(body, msg.getSysFlag()));
                } catch (IOException e) {
                    LOG.warn("message at {} offset {} has a body flagged compressed that cannot be inflated ({});"
                        + " delivered as stored", mq, msg.getQueueOffset(), e.getMessage());
                }
            }
            out.add(msg);
        }
        return out;
    }
}
