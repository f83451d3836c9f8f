package org.mercurymq.common.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Several messages of one topic sent in one request (code 320). Built with {@link #generateFromList};
 * the body is the concatenation of {@link MessageDecoder#encodeMessage} records. Not thread-safe.
 */
public class MessageBatch extends Message implements Iterable<Message> {
    private static final long serialVersionUID = 621335151046335557L;
    private static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";

    private final List<Message> messages;

    private MessageBatch(List<Message> messages) {
        this.messages = messages;
    }

    public byte[] encode() {
        return MessageDecoder.encodeMessages(messages);
    }

    @Override
    public Iterator<Message> iterator() {
        return messages.iterator();
    }

    /**
     * Validates the client restrictions (same topic, same WAIT, no delay level, not a retry topic)
     * and builds the batch.
     */
    public static MessageBatch generateFromList(Collection<? extends Message> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        List<Message> messageList = new ArrayList<Message>(messages.size());
        Message first = null;
        for (Message message : messages) {
            if (message.getDelayTimeLevel() > 0) {
                throw new UnsupportedOperationException("TimeDelayLevel is not supported for batching");
            }
            if (message.getTopic().startsWith(RETRY_GROUP_TOPIC_PREFIX)) {
                throw new UnsupportedOperationException("Retry Group is not supported for batching");
            }
            if (first == null) {
                first = message;
            } else {
                if (!first.getTopic().equals(message.getTopic())) {
                    throw new UnsupportedOperationException("The topic of the messages in one batch should be the same");
                }
                if (first.isWaitStoreMsgOK() != message.isWaitStoreMsgOK()) {
                    throw new UnsupportedOperationException("The waitStoreMsgOK of the messages in one batch should the same");
                }
            }
            messageList.add(message);
        }
        MessageBatch messageBatch = new MessageBatch(messageList);
        messageBatch.setTopic(first.getTopic());
        messageBatch.setWaitStoreMsgOK(first.isWaitStoreMsgOK());
        return messageBatch;
    }
}
