package org.mercurymq.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mercurymq.common.MQVersion;
import org.mercurymq.remoting.protocol.body.Connection;

/** One client connection (producer or consumer) as the pages show it. */
final class ClientConnections {
    private ClientConnections() {
    }

    /** Client id, address, language, version number and its name (e.g. 407 is {@code V4_9_7}). */
    static Map<String, Object> describe(Connection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", c.getClientId());
        m.put("clientAddr", c.getClientAddr());
        m.put("language", String.valueOf(c.getLanguage()));
        m.put("version", c.getVersion());
        m.put("versionDesc", MQVersion.getVersionDesc(c.getVersion()));
        return m;
    }
}
