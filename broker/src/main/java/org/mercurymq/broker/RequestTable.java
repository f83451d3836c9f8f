package org.mercurymq.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.mercurymq.broker.executor.BusyRejection;
import org.mercurymq.broker.executor.RequestExecutor;
import org.mercurymq.broker.processor.CodeDispatchingProcessor;
import org.mercurymq.remoting.RemotingServer;

/**
 * The broker's request-code → processor → executor table, as data: which processor serves each code, on which
 * executor, and whether the VIP port serves it too (RocketMQ keeps pulls off the VIP port). Some codes of a processor
 * run on another executor than the rest (heartbeats on their own pool so a flood of sends cannot starve them, reply
 * messages on the reply pool). Every processor is wrapped in {@link BusyRejection}. Built once at start-up, then
 * registered on both servers; {@link #describe()} lists it. Not thread-safe while being built; immutable after.
 */
final class RequestTable {
    /** One processor and where its codes run. */
    record Route(CodeDispatchingProcessor processor, RequestExecutor executor, boolean vipPort) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Map<Integer, RequestExecutor> codeExecutors = new TreeMap<>();

    /** Every code of {@code processor} on {@code executor}, on both ports. */
    RequestTable route(CodeDispatchingProcessor processor, RequestExecutor executor) {
        routes.add(new Route(processor, executor, true));
        return this;
    }

    /** Every code of {@code processor} on {@code executor}, on the main port only. */
    RequestTable mainPortOnly(CodeDispatchingProcessor processor, RequestExecutor executor) {
        routes.add(new Route(processor, executor, false));
        return this;
    }

    /** {@code code} (served by a routed processor) runs on {@code executor} instead of its processor's. */
    RequestTable codeOn(int code, RequestExecutor executor) {
        codeExecutors.put(code, executor);
        return this;
    }

    void registerOn(RemotingServer server, boolean vip) {
        for (Route r : routes) {
            if (vip && !r.vipPort()) {
                continue;
            }
            BusyRejection wrapped = new BusyRejection(r.processor());
            for (int code : r.processor().codes()) {
                ExecutorService executor = codeExecutors.getOrDefault(code, r.executor());
                server.registerProcessor(code, wrapped, executor);
            }
        }
    }

    /** code → "ProcessorClass on ExecutorName[, main port only]", in code order. */
    Map<Integer, String> describe() {
        Map<Integer, String> out = new TreeMap<>();
        for (Route r : routes) {
            for (int code : r.processor().codes()) {
                RequestExecutor e = codeExecutors.getOrDefault(code, r.executor());
                out.put(code, r.processor().getClass().getSimpleName() + " on " + e.name()
                    + (r.vipPort() ? "" : ", main port only"));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
