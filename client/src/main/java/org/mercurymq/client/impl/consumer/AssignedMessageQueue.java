package org.mercurymq.client.impl.consumer;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.common.message.MessageQueue;

/**
 * The queues a lite pull consumer currently reads, each with its pull position, the position after the
 * last polled message, a pending seek, a pause flag and a generation that a seek advances so results of
 * pulls issued before the seek are discarded. Thread-safe.
 */
public class AssignedMessageQueue {
    /** One queue's state. Fields are read and written from pull callbacks and the polling thread. */
    public static final class QueueState {
        private final MessageQueue messageQueue;
        private final ProcessQueue processQueue = new ProcessQueue();
        private final AtomicLong generation = new AtomicLong();
        private volatile long pullOffset = -1;
        private volatile long consumeOffset = -1;
        private volatile long seekOffset = -1;
        private volatile boolean paused = false;

        QueueState(MessageQueue messageQueue) {
            this.messageQueue = messageQueue;
        }

        public MessageQueue getMessageQueue() {
            return messageQueue;
        }

        public ProcessQueue getProcessQueue() {
            return processQueue;
        }

        public long generation() {
            return generation.get();
        }

        long nextGeneration() {
            return generation.incrementAndGet();
        }

        public long getPullOffset() {
            return pullOffset;
        }

        void setPullOffset(long pullOffset) {
            this.pullOffset = pullOffset;
        }

        public long getConsumeOffset() {
            return consumeOffset;
        }

        void setConsumeOffset(long consumeOffset) {
            this.consumeOffset = consumeOffset;
        }

        public long getSeekOffset() {
            return seekOffset;
        }

        void setSeekOffset(long seekOffset) {
            this.seekOffset = seekOffset;
        }

        public boolean isPaused() {
            return paused;
        }

        void setPaused(boolean paused) {
            this.paused = paused;
        }
    }

    private final ConcurrentHashMap<MessageQueue, QueueState> states = new ConcurrentHashMap<MessageQueue, QueueState>();

    public QueueState get(MessageQueue mq) {
        return states.get(mq);
    }

    public Set<MessageQueue> messageQueues() {
        return new HashSet<MessageQueue>(states.keySet());
    }

    public Collection<QueueState> all() {
        return states.values();
    }

    /**
     * Makes {@code mqs} the assigned queues of {@code topic} (all topics when null); returns the queues
     * newly added. Removed queues are marked dropped.
     */
    public Set<MessageQueue> update(String topic, Collection<MessageQueue> mqs) {
        Iterator<Map.Entry<MessageQueue, QueueState>> it = states.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, QueueState> e = it.next();
            if ((topic == null || e.getKey().getTopic().equals(topic)) && !mqs.contains(e.getKey())) {
                e.getValue().getProcessQueue().setDropped(true);
                it.remove();
            }
        }
        Set<MessageQueue> added = new HashSet<MessageQueue>();
        for (MessageQueue mq : mqs) {
            if (states.putIfAbsent(mq, new QueueState(mq)) == null) {
                added.add(mq);
            }
        }
        return added;
    }

    public void pause(Collection<MessageQueue> mqs, boolean paused) {
        for (MessageQueue mq : mqs) {
            QueueState s = states.get(mq);
            if (s != null) {
                s.setPaused(paused);
            }
        }
    }

    public void clear() {
        for (QueueState s : states.values()) {
            s.getProcessQueue().setDropped(true);
        }
        states.clear();
    }
}
