package org.mercurymq.remoting.netty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers connection events to the listener in order on one named thread. The queue is bounded;
 * when it is full the event is dropped with a warning rather than blocking an IO thread.
 * Thread-safe.
 */
final class ChannelEventDispatcher {
    static final int QUEUE_CAPACITY = 10000;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEventDispatcher.class);

    private final ChannelEventListener listener;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean stopped;

    ChannelEventDispatcher(String threadName, ChannelEventListener listener) {
        this.listener = listener;
        this.thread = new NamedThreadFactory(threadName, true).newThread(this::run);
    }

    void start() {
        if (listener != null) {
            thread.start();
        }
    }

    void shutdown() {
        stopped = true;
        if (listener != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void publish(ChannelEventType type, String remoteAddr, RemotingChannel channel) {
        if (listener == null || stopped) {
            return;
        }
        if (!queue.offer(new Event(type, remoteAddr, channel))) {
            LOG.warn("channel event queue full ({}), dropping {} event of {}", QUEUE_CAPACITY, type, remoteAddr);
        }
    }

    private void run() {
        while (!stopped || !queue.isEmpty()) {
            Event e;
            try {
                e = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                if (stopped) {
                    drain();
                    return;
                }
                continue;
            }
            if (e != null) {
                deliver(e);
            }
        }
    }

    private void drain() {
        Event e;
        while ((e = queue.poll()) != null) {
            deliver(e);
        }
    }

    private void deliver(Event e) {
        try {
            switch (e.type) {
                case CONNECT:
                    listener.onChannelConnect(e.remoteAddr, e.channel);
                    break;
                case CLOSE:
                    listener.onChannelClose(e.remoteAddr, e.channel);
                    break;
                case IDLE:
                    listener.onChannelIdle(e.remoteAddr, e.channel);
                    break;
                case EXCEPTION:
                    listener.onChannelException(e.remoteAddr, e.channel);
                    break;
                default:
                    break;
            }
        } catch (Throwable t) {
            LOG.warn("channel event listener threw on {} of {}: {}", e.type, e.remoteAddr, t.toString());
        }
    }

    private static final class Event {
        final ChannelEventType type;
        final String remoteAddr;
        final RemotingChannel channel;

        Event(ChannelEventType type, String remoteAddr, RemotingChannel channel) {
            this.type = type;
            this.remoteAddr = remoteAddr;
            this.channel = channel;
        }
    }
}
