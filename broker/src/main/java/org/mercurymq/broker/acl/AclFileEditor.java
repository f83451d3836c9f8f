package org.mercurymq.broker.acl;

import com.alibaba.fastjson2.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The ACL admin codes' file edits (docs/security.md): add/update/delete an account, replace a file's
 * global white list, and the read-only views (data versions, merged config). Each write validates
 * first, re-dumps the whole file to a temp file and renames it over the old one (atomic), bumps the
 * file's {@code dataVersion}, then reloads the in-memory config at once. Thread-safe: writes are
 * serialised.
 */
public final class AclFileEditor {
    private final AclConfigLoader loader;
    private final AclFileWatcher watcher;
    private final Path home;
    private final LongSupplier millis;

    public AclFileEditor(AclConfigLoader loader, AclFileWatcher watcher, Path home, LongSupplier millis) {
        this.loader = loader;
        this.watcher = watcher;
        this.home = home.toAbsolutePath().normalize();
        this.millis = millis;
    }

    public String defaultFile() {
        return loader.defaultFile().toString();
    }

    /** Code 50: fields as the request header carries them (topicPerms/groupPerms joined with ','). */
    public synchronized void updateAccount(Map<String, String> h) throws IOException {
        String ak = h.get("accessKey");
        String sk = h.get("secretKey");
        if (ak == null || sk == null || ak.length() <= 6 || sk.length() <= 6) {
            throw new AclException("The accessKey=" + ak + " and secretKey cannot be null and length should longer than 6");
        }
        List<String> topics = perms(h.get("topicPerms"), "topic");
        List<String> groups = perms(h.get("groupPerms"), "group");
        for (String p : new String[] {h.get("defaultTopicPerm"), h.get("defaultGroupPerm")}) {
            if (p != null && !validPerm(p)) {
                throw new AclException("Parse resource permission error for default perm " + p);
            }
        }
        if (h.get("whiteRemoteAddress") != null) {
            IpPattern.parse(h.get("whiteRemoteAddress"));
        }
        Path file = fileHolding(ak);
        Path target = file == null ? loader.defaultFile() : file;
        Map<String, Object> root = read(target);
        List<Map<String, Object>> accounts = accounts(root);
        Map<String, Object> account = null;
        for (Map<String, Object> a : accounts) {
            if (ak.equals(String.valueOf(a.get("accessKey")))) {
                account = a;
            }
        }
        if (account == null) {
            account = new LinkedHashMap<>();
            account.put("accessKey", ak);
            accounts.add(account);
        }
        account.put("secretKey", sk);
        putIfGiven(account, "whiteRemoteAddress", h.get("whiteRemoteAddress"));
        account.put("admin", Boolean.parseBoolean(h.get("admin")));
        putIfGiven(account, "defaultTopicPerm", h.get("defaultTopicPerm"));
        putIfGiven(account, "defaultGroupPerm", h.get("defaultGroupPerm"));
        if (h.get("topicPerms") != null) {
            account.put("topicPerms", topics);
        }
        if (h.get("groupPerms") != null) {
            account.put("groupPerms", groups);
        }
        root.put("accounts", accounts);
        write(target, root);
    }

    /** Code 51: false when no file holds the key. */
    public synchronized boolean deleteAccount(String ak) throws IOException {
        Path file = fileHolding(ak);
        if (file == null) {
            return false;
        }
        Map<String, Object> root = read(file);
        List<Map<String, Object>> accounts = accounts(root);
        accounts.removeIf(a -> ak.equals(String.valueOf(a.get("accessKey"))));
        root.put("accounts", accounts);
        write(file, root);
        return true;
    }

    /** Code 53: replaces the list of {@code aclFileFullPath} (blank = the default file), which must be under home. */
    public synchronized void updateGlobalWhiteAddrs(List<String> patterns, String aclFileFullPath) throws IOException {
        for (String p : patterns) {
            IpPattern.parse(p);
        }
        Path file = aclFileFullPath == null || aclFileFullPath.isBlank() ? loader.defaultFile()
            : Path.of(aclFileFullPath).toAbsolutePath().normalize();
        if (!file.startsWith(home) || !Files.isRegularFile(file)) {
            throw new AclException("ACL file " + file + " does not exist under " + home);
        }
        Map<String, Object> root = read(file);
        root.put("globalWhiteRemoteAddresses", new ArrayList<>(patterns));
        write(file, root);
    }

    /** Code 52: {@code {path: {"counter":n,"timestamp":ms}}} for every ACL file. */
    public synchronized Map<String, Map<String, Long>> versions() throws IOException {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        for (Path f : loader.files()) {
            m.put(f.toString(), version(Files.exists(f) ? read(f) : new LinkedHashMap<>()));
        }
        return m;
    }

    /** Code 54: the body JSON {@code {"globalWhiteAddrs":[..], "plainAccessConfigs":[..]}}, read fresh from the files. */
    public synchronized String clusterConfigJson() throws IOException {
        List<Object> white = new ArrayList<>();
        List<Map<String, Object>> configs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Path f : loader.files()) {
            Map<String, Object> root = read(f);
            Object w = root.get("globalWhiteRemoteAddresses");
            if (w instanceof List) {
                white.addAll((List<?>) w);
            }
            for (Map<String, Object> a : accounts(root)) {
                String ak = String.valueOf(a.get("accessKey"));
                if (!seen.contains(ak)) {
                    seen.add(ak);
                    Map<String, Object> c = new LinkedHashMap<>(a);
                    c.putIfAbsent("admin", false);
                    configs.add(c);
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("globalWhiteAddrs", white);
        body.put("plainAccessConfigs", configs);
        return JSON.toJSONString(body);
    }

    static Map<String, Long> version(Map<String, Object> root) {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("counter", 0L);
        v.put("timestamp", 0L);
        Object dv = root.get("dataVersion");
        if (dv instanceof List && !((List<?>) dv).isEmpty() && ((List<?>) dv).get(0) instanceof Map) {
            Map<?, ?> first = (Map<?, ?>) ((List<?>) dv).get(0);
            v.put("counter", toLong(first.get("counter")));
            v.put("timestamp", toLong(first.get("timestamp")));
        }
        return v;
    }

    private static long toLong(Object o) {
        try {
            return o == null ? 0 : Long.parseLong(String.valueOf(o));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Path fileHolding(String ak) throws IOException {
        for (Path f : loader.files()) {
            if (Files.exists(f)) {
                for (Map<String, Object> a : accounts(read(f))) {
                    if (ak.equals(String.valueOf(a.get("accessKey")))) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> perms(String joined, String kind) {
        List<String> out = new ArrayList<>();
        if (joined == null || joined.isBlank()) {
            return out;
        }
        for (String entry : joined.split(",")) {
            String[] rp = entry.split("=");
            if (rp.length != 2 || rp[0].trim().isEmpty()) {
                throw new AclException("Parse Resource format error for " + kind + ":" + entry);
            }
            if (!validPerm(rp[1])) {
                throw new AclException("Parse resource permission error for " + kind + ":" + entry);
            }
            out.add(rp[0].trim() + "=" + rp[1].trim());
        }
        return out;
    }

    private static boolean validPerm(String p) {
        String t = p.trim();
        return t.equals("DENY") || t.equals("PUB") || t.equals("SUB") || t.equals("PUB|SUB") || t.equals("SUB|PUB");
    }

    private static void putIfGiven(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> accounts(Map<String, Object> root) {
        Object a = root.get("accounts");
        List<Map<String, Object>> out = new ArrayList<>();
        if (a instanceof List) {
            for (Object o : (List<?>) a) {
                if (o instanceof Map) {
                    out.add(new LinkedHashMap<>((Map<String, Object>) o));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return root instanceof Map ? new LinkedHashMap<>((Map<String, Object>) root) : new LinkedHashMap<>();
        }
    }

    private void write(Path file, Map<String, Object> root) throws IOException {
        Map<String, Long> v = version(root);
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("counter", v.get("counter") + 1);
        next.put("timestamp", millis.getAsLong());
        root.put("dataVersion", List.of(next));
        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = new Yaml(new Representer(opts), opts).dump(root);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        watcher.reloadNow();
    }
}
