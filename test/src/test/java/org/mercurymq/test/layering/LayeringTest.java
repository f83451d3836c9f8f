package org.mercurymq.test.layering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercurymq.test.harness.JvmProcess;

/**
 * The module layering of docs/architecture.md, checked on the main sources: a module never imports
 * packages of the layers it must not know about.
 */
class LayeringTest {
    /** Split so that this file does not itself carry the phrase it looks for. */
    private static final String ASF_HEADER = "Licensed to the Apache " + "Software Foundation";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A fully qualified type name written in code (not imported): lower-case segments, then a class name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z]\\w*\\.)+[A-Z]\\w*)");
    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final String CLIENT = "org.mercurymq.client";

    /**
     * Package dependencies of client/ that close import cycles, each with the public RocketMQ 4.9.7 signature that
     * forces it. The order, bottom to top, is: support, client (settings, shared value types), hook,
     * consumer.rebalance, latency, impl (remoting API), impl.factory (client instance), consumer.store, impl.producer,
     * impl.consumer, trace, trace.hook, producer, consumer (docs/client.md, "Layers"); the edges below point upwards
     * ("client" is the root package). Without them the package graph must be acyclic, so a new upward dependency
     * fails this test; an entry that no longer exists must be removed from the list. The engine layer itself
     * (impl, impl.factory, impl.producer, impl.consumer, consumer.store) has no upward edge: the client instance knows
     * producers and consumers only through MQConsumerInner / RegisteredProducer / ProducerServices, declared in
     * impl.factory.
     */
    static final Map<String, String> ALLOWED_CLIENT_CYCLE_EDGES = new LinkedHashMap<>();

    private static void allowEdge(String edge, String forcedBy) {
        ALLOWED_CLIENT_CYCLE_EDGES.put(edge, forcedBy);
    }

    static {
        // the root package holds two public static helpers that work through facades
        allowEdge("client -> producer", "Validators.checkMessage(Message, DefaultMQProducer)");
        allowEdge("client -> consumer", "MQHelper.resetOffsetByTimestamp(MessageModel, String, String, String, long) "
            + "resets a group's offsets, which takes a consumer of that group (a DefaultMQPullConsumer); any engine "
            + "it could use instead is above the root package too");
        // the hook contexts carry engine and result types
        allowEdge("hook -> impl", "SendMessageContext#getCommunicationMode(): impl.CommunicationMode, "
            + "CheckForbiddenContext#getCommunicationMode(): impl.CommunicationMode");
        allowEdge("hook -> impl.producer", "SendMessageContext#getProducer(): impl.producer.DefaultMQProducerImpl");
        allowEdge("hook -> producer", "SendMessageContext#getSendResult(): producer.SendResult, "
            + "CheckForbiddenContext#getSendResult(): producer.SendResult, "
            + "EndTransactionContext#getTransactionState(): producer.LocalTransactionState");
        allowEdge("consumer.rebalance -> consumer", "AllocateMessageQueueAveragely (and every strategy of the package) "
            + "implements consumer.AllocateMessageQueueStrategy, and the consumer facades default to "
            + "AllocateMessageQueueAveragely (DefaultMQPushConsumer(String))");
        allowEdge("impl.producer -> producer", "DefaultMQProducerImpl(DefaultMQProducer, RPCHook) and "
            + "DefaultMQProducerImpl#sendMessageInTransaction(Message, LocalTransactionExecuter, Object): "
            + "TransactionSendResult (pinned by TransactionAndHookApiParityTest)");
        allowEdge("impl.consumer -> consumer", "DefaultMQPushConsumerImpl(DefaultMQPushConsumer, RPCHook), "
            + "DefaultLitePullConsumerImpl(DefaultLitePullConsumer, RPCHook), "
            + "PullAPIWrapper#processPullResult(MessageQueue, PullResult, SubscriptionData): PullResult");
        allowEdge("trace -> producer", "AsyncTraceDispatcher#getTraceProducer(): DefaultMQProducer, "
            + "TraceBean#getTransactionState(): LocalTransactionState (while DefaultMQProducer#getTraceDispatcher() "
            + "returns trace.TraceDispatcher)");
        allowEdge("trace.hook -> producer", "SendMessageTraceHookImpl#sendMessageAfter(SendMessageContext) records "
            + "SendMessageContext#getSendResult(): SendResult, while DefaultMQProducer(String, boolean enableMsgTrace) "
            + "registers that hook");
    }

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
        "common, org.mercurymq.console|org.mercurymq.remoting|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client|io.netty",
        "store, org.mercurymq.console|org.mercurymq.remoting|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client|io.netty|io.prometheus|org.mercurymq.metrics",
        "metrics, org.mercurymq.console|org.mercurymq.remoting|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client|io.netty",
        "remoting, org.mercurymq.console|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client",
        "namesrv, org.mercurymq.console|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.client|org.mercurymq.tools",
        "client, org.mercurymq.console|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.tools|ch.qos.logback",
        "broker, org.mercurymq.console|org.mercurymq.client|org.mercurymq.tools|org.mercurymq.namesrv|org.mercurymq.controller|org.apache.ratis",
        "controller, org.mercurymq.console|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client|org.mercurymq.tools",
        // the console speaks to a cluster only through the admin API (docs/console.md)
        "console, org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|io.netty",
        // nothing depends on the console: it sits on top, beside mqadmin
        "tools, org.mercurymq.console|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv",
    })
    void moduleDoesNotReachAcrossLayers(String module, String forbidden) {
        Path sources = JvmProcess.repoRoot().resolve(module).resolve("src/main/java");
        assertTrue(Files.isDirectory(sources), sources + " exists");
        Pattern bad = Pattern.compile("^(" + forbidden.replace(".", "\\.") + ")(\\.|$)");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Matcher m = IMPORT.matcher(read(p));
                while (m.find()) {
                    if (bad.matcher(m.group(2)).find()) {
                        violations.add(sources.relativize(p) + " imports " + m.group(2));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest(name = "{0} carries no foreign licence header")
    @CsvSource({"common", "remoting", "controller", "metrics", "namesrv", "store", "broker", "client", "tools", "console", "test"})
    void noPastedApacheSource(String module) {
        Path sources = JvmProcess.repoRoot().resolve(module).resolve("src");
        if (!Files.isDirectory(sources)) {
            return;
        }
        List<String> pasted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java"))
                .filter(p -> read(p).contains(ASF_HEADER))
                .forEach(p -> pasted.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), pasted);
    }

    /**
     * No package-level import cycle in client/ (strongly connected components of more than one package) other than
     * through the listed edges: the graph is built from the imports and the fully qualified names in the main sources.
     */
    @Test
    void clientHasNoPackageCycles() {
        Map<String, Map<String, Set<String>>> graph = clientPackageGraph();
        List<String> stale = new ArrayList<>();
        for (String edge : ALLOWED_CLIENT_CYCLE_EDGES.keySet()) {
            String[] ends = edge.split(" -> ");
            Map<String, Set<String>> out = graph.get(clientPackage(ends[0]));
            if (out == null || out.remove(clientPackage(ends[1])) == null) {
                stale.add(edge);
            }
        }
        assertEquals(List.of(), stale, "allow-listed edges that no longer exist: remove them from the list");
        List<String> cycles = new ArrayList<>();
        for (Set<String> scc : stronglyConnected(graph)) {
            if (scc.size() < 2) {
                continue;
            }
            StringBuilder sb = new StringBuilder("cycle " + scc + ":");
            for (String from : scc) {
                for (Map.Entry<String, Set<String>> to : graph.get(from).entrySet()) {
                    if (scc.contains(to.getKey())) {
                        sb.append("\n  ").append(from).append(" -> ").append(to.getKey())
                            .append(" via ").append(to.getValue());
                    }
                }
            }
            cycles.add(sb.toString());
        }
        assertEquals(List.of(), cycles, "package import cycles in client/ (docs/client.md, Layers)");
    }

    /** "client" is the root package, "impl.factory" stands for org.mercurymq.client.impl.factory. */
    private static String clientPackage(String shortName) {
        return shortName.equals("client") ? CLIENT : CLIENT + "." + shortName;
    }

    /** package -> (package it uses -> the source files and names that use it). */
    private static Map<String, Map<String, Set<String>>> clientPackageGraph() {
        Path sources = JvmProcess.repoRoot().resolve("client/src/main/java");
        Map<Path, String> packageOf = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Matcher m = PACKAGE.matcher(read(p));
                packageOf.put(p, m.find() ? m.group(1) : "");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>(packageOf.values());
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        packages.forEach(p -> graph.put(p, new TreeMap<>()));
        packageOf.forEach((file, pkg) -> {
            String code = COMMENTS.matcher(read(file)).replaceAll(" ");
            Set<String> names = new TreeSet<>();
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                names.add(imports.group(2));
            }
            Matcher qualified = QUALIFIED.matcher(code);
            while (qualified.find()) {
                names.add(qualified.group(1));
            }
            for (String name : names) {
                String target = longestPackagePrefix(name, packages);
                if (target != null && !target.equals(pkg)) {
                    graph.get(pkg).computeIfAbsent(target, k -> new TreeSet<>())
                        .add(file.getFileName() + ":" + name.substring(name.lastIndexOf('.') + 1));
                }
            }
        });
        return graph;
    }

    private static String longestPackagePrefix(String name, Set<String> packages) {
        String candidate = name;
        while (!candidate.isEmpty()) {
            if (packages.contains(candidate)) {
                return candidate;
            }
            int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? "" : candidate.substring(0, dot);
        }
        return null;
    }

    /** Tarjan's algorithm (recursive: the graph has a few dozen packages). */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        List<Set<String>> result = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, result);
            }
        }
        return result;
    }

    private static void strongConnect(String v, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
                                      Map<String, Integer> low, List<String> stack, List<Set<String>> result) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        for (String w : graph.get(v).keySet()) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, result);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                scc.add(w);
            } while (!w.equals(v));
            result.add(scc);
        }
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
