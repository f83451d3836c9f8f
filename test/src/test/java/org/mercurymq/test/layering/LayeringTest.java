package org.mercurymq.test.layering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
        "common, org.mercurymq.remoting|org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client|io.netty",
        "store, org.mercurymq.remoting|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client|io.netty",
        "remoting, org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.client",
        "namesrv, org.mercurymq.store|org.mercurymq.broker|org.mercurymq.client|org.mercurymq.tools",
        "client, org.mercurymq.store|org.mercurymq.broker|org.mercurymq.namesrv|org.mercurymq.tools|ch.qos.logback",
        "broker, org.mercurymq.client|org.mercurymq.tools|org.mercurymq.namesrv",
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
    @CsvSource({"common", "remoting", "namesrv", "store", "broker", "client", "tools", "test"})
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

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
