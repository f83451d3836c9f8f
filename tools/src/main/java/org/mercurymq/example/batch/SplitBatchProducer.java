package org.mercurymq.example.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;

/**
 * Sends 1000 messages as batches of at most ~1 MiB each: a batch must fit the broker's 4 MiB message
 * limit, so a large list is cut into pieces first.
 */
public class SplitBatchProducer {
    private static final int BATCH_LIMIT = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("BatchProducerGroupName");
        producer.start();
        try {
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                messages.add(new Message("BatchTest", "Tag", "OrderID" + i, ("Hello world " + i).getBytes(StandardCharsets.UTF_8)));
            }
            List<Message> piece = new ArrayList<>();
            int pieceSize = 0;
            for (Message m : messages) {
                int size = m.getBody().length + m.getTopic().length() + 64;
                if (!piece.isEmpty() && pieceSize + size > BATCH_LIMIT) {
                    System.out.printf("%s%n", producer.send(piece));
                    piece = new ArrayList<>();
                    pieceSize = 0;
                }
                piece.add(m);
                pieceSize += size;
            }
            if (!piece.isEmpty()) {
                System.out.printf("%s%n", producer.send(piece));
            }
        } finally {
            producer.shutdown();
        }
    }
}
