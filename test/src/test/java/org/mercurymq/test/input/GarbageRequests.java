package org.mercurymq.test.input;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * Sends every request code in {@link RequestCode} in several malformed shapes (no header fields, every known
 * header field set to "1", "0" or "-1", no body, a garbage body, an empty JSON object) and collects what is wrong with
 * each reply: no reply at all, an error without a remark, or a remark that leaks a Java exception name.
 */
final class GarbageRequests {
    /** Not JSON, not UTF-8, not a properties file. */
    static final byte[] GARBAGE = concat("{\"x\":[1,2".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, '\n', '=', (byte) 0x80});
    static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
    /** JSON whose well-known collection properties hold empty objects and nulls. */
    static final byte[] NESTED_NULLS = ("{\"clientID\":\"1\",\"consumerGroup\":\"1\",\"clientId\":\"1\","
        + "\"consumerDataSet\":[{},null],\"producerDataSet\":[{},null],\"mqSet\":[{},null],"
        + "\"subscriptionDataSet\":[{},null],\"offsetTable\":{\"x\":null},\"topicConfigTable\":{\"T\":{},\"U\":null},"
        + "\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":{},\"U\":null},\"dataVersion\":{}},"
        + "\"filterServerList\":[null],\"subscriptionGroupTable\":{\"G\":{}},\"groupName\":null}")
        .getBytes(StandardCharsets.UTF_8);

    private GarbageRequests() {
    }

    /** One malformed shape: the ext fields and the body of the request. */
    static final class Shape {
        final String name;
        final Map<String, String> fields;
        final byte[] body;

        Shape(String name, Map<String, String> fields, byte[] body) {
            this.name = name;
            this.fields = fields;
            this.body = body;
        }
    }

    static List<Shape> shapes() {
        Map<String, String> ones = allHeaderFields("1");
        Map<String, String> negative = allHeaderFields("-1");
        Map<String, String> zeros = allHeaderFields("0");
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape("no header fields, no body", Collections.emptyMap(), null));
        shapes.add(new Shape("no header fields, garbage body", Collections.emptyMap(), GARBAGE));
        shapes.add(new Shape("every field 1, no body", ones, null));
        shapes.add(new Shape("every field 1, garbage body", ones, GARBAGE));
        shapes.add(new Shape("every field 1, body {}", ones, EMPTY_JSON));
        shapes.add(new Shape("every field -1, body {}", negative, EMPTY_JSON));
        shapes.add(new Shape("every field 1, body with nested nulls", ones, NESTED_NULLS));
        shapes.add(new Shape("no header fields, body with nested nulls", Collections.emptyMap(), NESTED_NULLS));
        // 0 passes checks that 1 and -1 fail early (bodyCrc32 0 means "no CRC", brokerId 0 is the master)
        shapes.add(new Shape("every field 0, garbage body", zeros, GARBAGE));
        shapes.add(new Shape("every field 0, body with nested nulls", zeros, NESTED_NULLS));
        return shapes;
    }

    static List<Integer> requestCodes() {
        List<Integer> codes = new ArrayList<>();
        for (Field f : RequestCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    codes.add(f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new ArrayList<>(new TreeSet<>(codes));
    }

    /**
     * Sends each code in each shape and returns one line per problem. The requests of one shape are in flight
     * together (asynchronously, each with its own time-out), so a slow machine does not make the probe slow.
     */
    static List<String> probe(NettyRemotingClient client, String addr, List<Integer> codes) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Shape shape : shapes()) {
            Map<Integer, CompletableFuture<RemotingCommand>> replies = new TreeMap<>();
            for (int code : codes) {
                RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
                request.setExtFields(new HashMap<>(shape.fields));
                request.setBody(shape.body);
                CompletableFuture<RemotingCommand> reply = new CompletableFuture<>();
                replies.put(code, reply);
                try {
                    client.invokeAsync(addr, request, 20_000, f -> {
                        if (f.getResponseCommand() != null) {
                            reply.complete(f.getResponseCommand());
                        } else {
                            reply.completeExceptionally(f.getCause() != null ? f.getCause()
                                : new IllegalStateException(f.isTimedOut() ? "timed out" : "no response"));
                        }
                    });
                } catch (Exception e) {
                    reply.completeExceptionally(e);
                }
            }
            for (Map.Entry<Integer, CompletableFuture<RemotingCommand>> e : replies.entrySet()) {
                int code = e.getKey();
                try {
                    RemotingCommand response = e.getValue().get();
                    String remark = response.getRemark();
                    if (response.getCode() != ResponseCode.SUCCESS.code() && (remark == null || remark.isBlank())) {
                        problems.add(line(code, shape, "code " + response.getCode() + " without a remark"));
                    } else if (remark != null && remark.matches("(?s).*\\b\\w+(Exception|Error)\\b.*")) {
                        problems.add(line(code, shape, "code " + response.getCode() + " remark leaks an exception: "
                            + remark));
                    }
                } catch (ExecutionException failed) {
                    problems.add(line(code, shape, "no reply: " + failed.getCause()));
                }
            }
        }
        return problems;
    }

    private static String line(int code, Shape shape, String what) {
        return "code " + code + " (" + shape.name + "): " + what;
    }

    /** Every field name declared by a header class in the remoting module, set to {@code value}. */
    static Map<String, String> allHeaderFields(String value) {
        Map<String, String> fields = new TreeMap<>();
        for (Class<?> type : headerClasses()) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        fields.put(f.getName(), value);
                    }
                }
            }
        }
        return fields;
    }

    private static List<Class<?>> headerClasses() {
        String pkg = "org/mercurymq/remoting/protocol/header";
        List<Class<?>> classes = new ArrayList<>();
        try {
            URI location = CommandCustomHeader.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            Path root = Paths.get(location);
            FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root, (ClassLoader) null);
            try {
                Path dir = jar == null ? root.resolve(pkg) : jar.getPath(pkg);
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        String rel = dir.relativize(p).toString().replace('\\', '/');
                        if (rel.endsWith(".class") && !rel.contains("$")) {
                            String name = (pkg + "/" + rel).replace('/', '.');
                            Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
                            if (CommandCustomHeader.class.isAssignableFrom(c)) {
                                classes.add(c);
                            }
                        }
                    }
                }
            } finally {
                if (jar != null) {
                    jar.close();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the header classes", e);
        }
        if (classes.size() < 20) {
            throw new IllegalStateException("found only " + classes.size() + " header classes");
        }
        return classes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
