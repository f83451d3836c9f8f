package org.mercurymq.client.consumer.rebalance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.consistenthash.HashFunction;
import org.mercurymq.common.message.MessageQueue;

/**
 * Consistent hashing: each client id has {@code virtualNodeCnt} points on an MD5 ring
 * ({@code cid-0 … cid-(n−1)}); a queue (keyed by its {@code toString()}) belongs to the first point at
 * or after its own hash. Adding or removing a client moves few queues. Stateless after construction.
 */
public class AllocateMessageQueueConsistentHash extends AbstractAllocateMessageQueueStrategy {
    private final int virtualNodeCnt;
    private final HashFunction customHashFunction;

    public AllocateMessageQueueConsistentHash() {
        this(10);
    }

    public AllocateMessageQueueConsistentHash(int virtualNodeCnt) {
        this(virtualNodeCnt, null);
    }

    public AllocateMessageQueueConsistentHash(int virtualNodeCnt, HashFunction customHashFunction) {
        if (virtualNodeCnt < 0) {
            throw new IllegalArgumentException("illegal virtualNodeCnt :" + virtualNodeCnt);
        }
        this.virtualNodeCnt = virtualNodeCnt;
        this.customHashFunction = customHashFunction;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<MessageQueue>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        HashFunction fn = customHashFunction != null ? customHashFunction : new Md5Hash();
        TreeMap<Long, String> ring = new TreeMap<Long, String>();
        for (String cid : cidAll) {
            for (int i = 0; i < virtualNodeCnt; i++) {
                ring.put(fn.hash(cid + "-" + i), cid);
            }
        }
        for (MessageQueue mq : mqAll) {
            if (ring.isEmpty()) {
                break;
            }
            SortedMap<Long, String> tail = ring.tailMap(fn.hash(mq.toString()));
            String owner = tail.isEmpty() ? ring.firstEntry().getValue() : ring.get(tail.firstKey());
            if (currentCID.equals(owner)) {
                result.add(mq);
            }
        }
        return result;
    }

    @Override
    public String getName() {
        return "CONSISTENT_HASH";
    }

    /** The first four MD5 bytes, little-endian, as an unsigned 32-bit value. */
    static final class Md5Hash implements HashFunction {
        @Override
        public long hash(String key) {
            MessageDigest md5;
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 not available", e);
            }
            byte[] b = md5.digest(key.getBytes(StandardCharsets.UTF_8));
            return ((long) (b[3] & 0xFF) << 24) | ((long) (b[2] & 0xFF) << 16) | ((long) (b[1] & 0xFF) << 8) | (b[0] & 0xFF);
        }
    }
}
