package org.mercurymq.tools.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mercurymq.acl.common.AclClientRPCHook;
import org.mercurymq.acl.common.SessionCredentials;
import org.mercurymq.remoting.RPCHook;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ACL credentials of mqadmin and the console, found as RocketMQ's tools find them (docs/security.md):
 * {@code <home>/conf/tools.yml} with keys {@code accessKey} and {@code secretKey}, home being
 * {@code -Drocketmq.home.dir} or env {@code ROCKETMQ_HOME}. A missing file or blank values mean
 * unsigned requests; an unreadable or malformed file is an error naming it. Stateless.
 */
public final class ToolsCredentials {
    private ToolsCredentials() {
    }

    /** The signing hook, or null when no credentials are configured. */
    public static RPCHook hook(Map<String, String> env) {
        String home = System.getProperty("rocketmq.home.dir");
        if (home == null || home.isBlank()) {
            home = env.get("ROCKETMQ_HOME");
        }
        if (home == null || home.isBlank()) {
            return null;
        }
        Path file = Path.of(home, "conf", "tools.yml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read ACL credentials " + file + ": " + e.getMessage());
        }
        if (!(root instanceof Map)) {
            return null;
        }
        Object ak = ((Map<?, ?>) root).get("accessKey");
        Object sk = ((Map<?, ?>) root).get("secretKey");
        if (ak == null || sk == null || String.valueOf(ak).isBlank() || String.valueOf(sk).isBlank()) {
            return null;
        }
        return new AclClientRPCHook(new SessionCredentials(String.valueOf(ak).trim(), String.valueOf(sk).trim()));
    }
}
