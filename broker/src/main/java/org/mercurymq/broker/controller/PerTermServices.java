package org.mercurymq.broker.controller;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services that run for one role term: {@link #start} builds and starts them through the starter (fresh objects
 * each term, since a stopped service thread cannot run again), {@link #stop} stops what it started. Both are
 * idempotent. Thread-safe.
 */
public final class PerTermServices implements ReplicaRoleManager.RoleServices {
    private static final Logger LOG = LoggerFactory.getLogger(PerTermServices.class);

    /** Stops what one start started. */
    @FunctionalInterface
    public interface Running {
        void stop();
    }

    private final String name;
    private final Supplier<Running> starter;
    private Running running;

    public PerTermServices(String name, Supplier<Running> starter) {
        this.name = name;
        this.starter = starter;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = starter.get();
            LOG.info("{} started", name);
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            Running r = running;
            running = null;
            r.stop();
            LOG.info("{} stopped", name);
        }
    }
}
