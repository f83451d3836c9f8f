package org.mercurymq.client.impl.producer;

import java.util.HashMap;
import java.util.Map;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageClientIDSetter;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;

/**
 * The wire form of one send attempt: request header (docs/protocol/headers.md §1.1) and body. Building it gives
 * the message its UNIQ_KEY (kept across retries), compresses a single message body of at least
 * {@code compressOver} bytes with zlib (sysFlag 0x301; batches never), and for sends to a retry
 * topic moves RECONSUME_TIME / MAX_RECONSUME_TIMES into header fields {@code j}/{@code l} (the message itself keeps them). The caller's message body is never replaced. Immutable.
 */
public final class PreparedSend {
    private final SendMessageRequestHeader header;
    private final byte[] body;

    private PreparedSend(SendMessageRequestHeader header, byte[] body) {
        this.header = header;
        this.body = body;
    }

    public static PreparedSend of(Message msg, MessageQueue mq, String producerGroup, String createTopicKey,
                                  int defaultTopicQueueNums, int compressOver, boolean unitMode) {
        boolean batch = msg instanceof MessageBatch;
        if (!batch) {
            MessageClientIDSetter.setUniqID(msg);
        }
        int sysFlag = 0;
        byte[] body = msg.getBody();
        if (!batch && body != null && body.length >= compressOver) {
            byte[] compressed = BodyCompression.compress(body, BodyCompression.DEFAULT_LEVEL);
            body = compressed;
            sysFlag |= MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE;
        }
        if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup(producerGroup);
        h.setTopic(msg.getTopic());
        h.setDefaultTopic(createTopicKey);
        h.setDefaultTopicQueueNums(defaultTopicQueueNums);
        h.setQueueId(mq.getQueueId());
        h.setSysFlag(sysFlag);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(msg.getFlag());
        h.setReconsumeTimes(0);
        h.setUnitMode(unitMode);
        h.setBatch(batch);
        h.setBname(mq.getBrokerName());
        Map<String, String> properties = msg.getProperties();
        if (TopicNames.isRetryTopic(msg.getTopic()) && properties != null) {
            properties = new HashMap<String, String>(properties);
            String reconsumeTimes = properties.remove(MessageConst.PROPERTY_RECONSUME_TIME);
            if (reconsumeTimes != null) {
                h.setReconsumeTimes(Integer.valueOf(reconsumeTimes));
            }
            String maxReconsumeTimes = properties.remove(MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
            if (maxReconsumeTimes != null) {
                h.setMaxReconsumeTimes(Integer.valueOf(maxReconsumeTimes));
            }
        }
        h.setProperties(MessageDecoder.messageProperties2String(properties));
        return new PreparedSend(h, body);
    }

    public SendMessageRequestHeader header() {
        return header;
    }

    public byte[] body() {
        return body;
    }

    public boolean compressed() {
        return (header.getSysFlag() & MessageSysFlag.COMPRESSED_FLAG) != 0;
    }
}
