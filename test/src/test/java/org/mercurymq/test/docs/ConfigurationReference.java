package org.mercurymq.test.docs;

import java.util.List;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;
import org.mercurymq.namesrv.NamesrvConfig;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.store.MessageStoreConfig;

/**
 * Renders docs/configuration.md from the typed config tables: one Markdown table per component with each
 * key's name, type, default, unit, whether a running daemon applies a change at once, and its one-line doc.
 * Stateless.
 */
final class ConfigurationReference {
    private ConfigurationReference() {
    }

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration reference\n\n")
            .append("<!-- Generated from the typed config tables by ConfigurationReferenceTest; do not edit by hand.\n")
            .append("     Regenerate: nice -n 10 mvn -B -o -pl test -am test -Dtest=ConfigurationReferenceTest ")
            .append("-Dsurefire.failIfNoSpecifiedTests=false -Dmercury.regenerateDocs=true -->\n\n")
            .append("Every key a Mercury daemon accepts, with RocketMQ 4.9.7's name and default. A broker reads the broker, ")
            .append("store, Netty server and Netty client keys from one file (`mqbroker -c`); a name server reads its own ")
            .append("keys and the Netty server keys (`mqnamesrv -c`). Unknown keys are warned about with the nearest ")
            .append("known key; an invalid value stops start-up with a message naming the key.\n\n")
            .append("**Applies** says what `updateBrokerConfig` / `updateNamesrvConfig` does with a new value:\n\n")
            .append("- *at once*: the running daemon uses it from the next request or cycle on, and the broker saves it ")
            .append("to its `-c` file;\n")
            .append("- *restart*: the broker saves it to its `-c` file and keeps running with the old value until the next ")
            .append("start; the reply's remark says so (docs/broker.md, live configuration). A name server, as RocketMQ's, ")
            .append("writes its whole config to `configStorePath` and shows the new value, but keeps using the old one ")
            .append("until it is restarted with the value in its `-c` file; its reply's remark names such keys;\n")
            .append("- *not honoured*: accepted for compatibility, Mercury behaves as with the default; a daemon started ")
            .append("with another value logs one WARN line naming the key and the reason.\n\n");
        section(sb, "Broker", "`BrokerConfigKeys`", BrokerConfigKeys.TABLE);
        section(sb, "Store (broker)", "`MessageStoreConfig`", MessageStoreConfig.TABLE);
        section(sb, "Netty server (broker and name server)", "`NettyServerConfig`", NettyServerConfig.TABLE);
        section(sb, "Netty client (broker to name servers and to other brokers)", "`NettyClientConfig`",
            withoutServerKeys(NettyClientConfig.TABLE));
        section(sb, "Name server", "`NamesrvConfig`", NamesrvConfig.NAMESRV_TABLE);
        return sb.toString();
    }

    /** Client keys whose name the server table already holds are one key in a broker's file: listed once. */
    private static List<ConfigKey<?>> withoutServerKeys(ConfigTable client) {
        return client.keys().stream().filter(k -> !NettyServerConfig.TABLE.contains(k.name())).toList();
    }

    private static void section(StringBuilder sb, String title, String source, ConfigTable table) {
        section(sb, title, source, table.keys());
    }

    private static void section(StringBuilder sb, String title, String source, List<ConfigKey<?>> keys) {
        sb.append("## ").append(title).append("\n\n").append("From ").append(source).append(".\n\n")
            .append("| Key | Type | Default | Unit | Applies | Meaning |\n")
            .append("|---|---|---|---|---|---|\n");
        for (ConfigKey<?> k : keys) {
            sb.append("| `").append(k.name()).append("` | ").append(type(k)).append(" | ").append(cell(defaultText(k)))
                .append(" | ").append(k.unit() == null ? "" : k.unit()).append(" | ").append(applies(k)).append(" | ")
                .append(cell(k.doc())).append(" |\n");
        }
        sb.append('\n');
    }

    private static String type(ConfigKey<?> k) {
        if (k.type().isEnum()) {
            StringBuilder sb = new StringBuilder();
            for (Object c : k.type().getEnumConstants()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(c);
            }
            return "enum (" + sb + ")";
        }
        String t = k.type().getSimpleName().toLowerCase();
        if (k.min() != null) {
            t += " " + k.min() + ".." + k.max();
        }
        return t;
    }

    private static String defaultText(ConfigKey<?> k) {
        String d = k.defaultText();
        return d.isEmpty() ? "(unset)" : "`" + d + "`";
    }

    private static String applies(ConfigKey<?> k) {
        if (k.notHonouredReason() != null) {
            return "not honoured: " + cell(k.notHonouredReason());
        }
        return k.appliesAtRuntime() ? "at once" : "restart";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
