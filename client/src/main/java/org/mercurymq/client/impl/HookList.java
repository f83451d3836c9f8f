package org.mercurymq.client.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mercurymq.client.exception.MQClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered hooks of one kind for one producer or consumer engine, called in registration order.
 * {@link #callEach} isolates the engine from a failing hook (logged, the others still run), as RocketMQ's
 * client does for send, consume, filter and end-transaction hooks; {@link #callEachChecked} lets an
 * {@link MQClientException} through (check-forbidden hooks veto a send that way). Thread-safe: hooks may be
 * registered while messages flow.
 *
 * @param <H> the hook interface
 */
public final class HookList<H> {
    private static final Logger LOG = LoggerFactory.getLogger(HookList.class);

    /** One call of one hook. */
    public interface Call<H> {
        void on(H hook) throws Exception;
    }

    /** One call of one hook that may veto with an {@link MQClientException}. */
    public interface CheckedCall<H> {
        void on(H hook) throws MQClientException;
    }

    private final String kind;
    private final List<H> hooks = new CopyOnWriteArrayList<H>();

    /** {@code kind} names the hook interface in log lines, e.g. "send message". */
    public HookList(String kind) {
        this.kind = kind;
    }

    public void register(H hook) {
        if (hook == null) {
            throw new IllegalArgumentException("a " + kind + " hook must not be null");
        }
        hooks.add(hook);
        LOG.info("registered {} hook {}", kind, hook.getClass().getName());
    }

    public boolean isEmpty() {
        return hooks.isEmpty();
    }

    public int size() {
        return hooks.size();
    }

    public void callEach(Call<H> call) {
        for (H hook : hooks) {
            try {
                call.on(hook);
            } catch (Throwable t) {
                LOG.warn("{} hook {} threw {}; ignored", kind, hook.getClass().getName(), t.toString());
            }
        }
    }

    public void callEachChecked(CheckedCall<H> call) throws MQClientException {
        for (H hook : hooks) {
            call.on(hook);
        }
    }
}
