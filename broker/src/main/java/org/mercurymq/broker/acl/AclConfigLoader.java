package org.mercurymq.broker.acl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds and parses the ACL files as RocketMQ 4.9.7 does (docs/security.md): the default file
 * {@code <home>/conf/plain_acl.yml} (or {@code <home>/<-Drocketmq.acl.plain.file>}) plus every
 * {@code .yml}/{@code .yaml} under {@code <home>/conf/acl} (recursively, {@code tools.yml} excepted).
 * Unlike 4.9.7 a missing default file or any malformed file is an error naming the file, and keys it
 * does not know are refused rather than ignored. Thread-safe (stateless apart from the paths).
 */
public final class AclConfigLoader {
    public static final String PLAIN_FILE_PROPERTY = "rocketmq.acl.plain.file";
    static final String DEFAULT_PLAIN_FILE = "conf/plain_acl.yml";
    private static final Logger LOG = LoggerFactory.getLogger(AclConfigLoader.class);
    private static final Set<String> TOP_KEYS = Set.of("globalWhiteRemoteAddresses", "accounts", "dataVersion");
    private static final Set<String> ACCOUNT_KEYS = Set.of("accessKey", "secretKey", "whiteRemoteAddress", "admin",
        "defaultTopicPerm", "defaultGroupPerm", "topicPerms", "groupPerms");

    private final Path home;
    private final Path defaultFile;

    public AclConfigLoader(Path home, String plainFile) {
        this.home = home;
        this.defaultFile = home.resolve(plainFile == null ? DEFAULT_PLAIN_FILE : plainFile).normalize();
    }

    /**
     * The ACL home as RocketMQ finds it: {@code -Drocketmq.home.dir}, else env {@code ROCKETMQ_HOME}, else
     * Mercury's installation directory (env {@code MERCURY_HOME}, set by bin/); null if none is set.
     */
    public static Path resolveHome(Map<String, String> env) {
        String h = System.getProperty("rocketmq.home.dir");
        if (h == null || h.isBlank()) {
            h = env.get("ROCKETMQ_HOME");
        }
        if (h == null || h.isBlank()) {
            h = env.get("MERCURY_HOME");
        }
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    public Path defaultFile() {
        return defaultFile;
    }

    /** The files that make up the config: the ACL directory's files, then the default file. */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        Path dir = home.resolve("conf/acl");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                files.addAll(s.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .filter(f -> !f.equals(dir.resolve("tools.yml")))
                    .map(Path::normalize).sorted().collect(Collectors.toList()));
            }
        }
        if (!files.contains(defaultFile)) {
            files.add(defaultFile);
        }
        return files;
    }

    /** Reads every file; throws {@link AclException} naming the first file that is missing or malformed. */
    AclConfig load() {
        List<Path> files;
        try {
            files = files();
        } catch (IOException e) {
            throw new AclException("cannot list ACL directory under " + home + ": " + e.getMessage());
        }
        List<IpPattern> white = new ArrayList<>();
        Map<String, AclAccount> accounts = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                parseFile(f, white, accounts);
            } catch (AclException e) {
                throw new AclException("ACL file " + f + ": " + e.getMessage());
            }
        }
        return new AclConfig(white, accounts);
    }

    private static void parseFile(Path file, List<IpPattern> white, Map<String, AclAccount> accounts) {
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new AclException("cannot read: " + e);
        } catch (RuntimeException e) {
            throw new AclException("not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (root == null) {
            return;
        }
        Map<?, ?> top = asMap(root, "top level");
        for (Object k : top.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(k))) {
                throw new AclException("unknown key '" + k + "' (Mercury does not implement it)");
            }
        }
        for (Object p : asList(top.get("globalWhiteRemoteAddresses"), "globalWhiteRemoteAddresses")) {
            white.add(IpPattern.parse(String.valueOf(p)));
        }
        for (Object a : asList(top.get("accounts"), "accounts")) {
            AclAccount account = account(asMap(a, "account"));
            if (accounts.containsKey(account.accessKey)) {
                LOG.warn("ACL: accessKey {} in {} is already defined in an earlier file; ignored", account.accessKey, file);
            } else {
                accounts.put(account.accessKey, account);
            }
        }
    }

    private static AclAccount account(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!ACCOUNT_KEYS.contains(String.valueOf(k))) {
                throw new AclException("unknown account key '" + k + "' (Mercury does not implement it)");
            }
        }
        String ak = str(m.get("accessKey"));
        String sk = str(m.get("secretKey"));
        if (ak == null || sk == null || ak.length() <= 6 || sk.length() <= 6) {
            throw new AclException("The accessKey=" + ak + " and secretKey cannot be null and length should longer than 6");
        }
        Map<String, Integer> perms = new LinkedHashMap<>();
        for (Object t : asList(m.get("topicPerms"), "topicPerms")) {
            String[] rp = resource(String.valueOf(t), "topic");
            perms.put(rp[0], Permission.parse(rp[1]));
        }
        for (Object g : asList(m.get("groupPerms"), "groupPerms")) {
            String[] rp = resource(String.valueOf(g), "group");
            perms.put(AclAccount.RETRY_PREFIX + rp[0], Permission.parse(rp[1]));
        }
        Object admin = m.get("admin");
        return new AclAccount(ak, sk, IpPattern.parse(str(m.get("whiteRemoteAddress"))),
            admin != null && Boolean.parseBoolean(String.valueOf(admin)),
            Permission.parse(str(m.get("defaultTopicPerm"))), Permission.parse(str(m.get("defaultGroupPerm"))), perms);
    }

    private static String[] resource(String entry, String kind) {
        List<String> pieces = new ArrayList<>();
        for (String p : entry.split("=")) {
            if (!p.trim().isEmpty()) {
                pieces.add(p.trim());
            }
        }
        if (pieces.size() != 2) {
            throw new AclException("Parse resource permission failed for " + kind + ":" + entry);
        }
        return pieces.toArray(new String[0]);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o).trim();
    }

    private static Map<?, ?> asMap(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new AclException(what + " must be a map");
        }
        return (Map<?, ?>) o;
    }

    private static List<?> asList(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List)) {
            throw new AclException(what + " must be a list");
        }
        return (List<?>) o;
    }
}
