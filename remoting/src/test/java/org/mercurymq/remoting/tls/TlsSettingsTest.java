package org.mercurymq.remoting.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.config.ConfigException;

class TlsSettingsTest {
    @TempDir
    Path dir;

    private Properties sys(String... kv) {
        Properties p = new Properties();
        p.setProperty(TlsSettings.CONFIG_FILE, dir.resolve("tls.properties").toString());
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void rocketMqDefaults() {
        TlsSettings s = TlsSettings.load(sys());
        assertEquals(TlsMode.PERMISSIVE, s.mode());
        assertTrue(s.testMode());
        assertFalse(s.tlsEnable());
        assertEquals(TlsSettings.ClientAuthMode.NONE, s.needClientAuth());
    }

    @Test
    void fileValuesWinOverSystemProperties() throws Exception {
        Files.write(dir.resolve("tls.properties"), "tls.test.mode.enable=false\ntls.server.need.client.auth=optional\n".getBytes());
        TlsSettings s = TlsSettings.load(sys(TlsSettings.TEST_MODE_ENABLE, "true", TlsSettings.SERVER_MODE, "enforcing"));
        assertFalse(s.testMode());
        assertEquals(TlsSettings.ClientAuthMode.OPTIONAL, s.needClientAuth());
        assertEquals(TlsMode.ENFORCING, s.mode());
    }

    @Test
    void modeInTheFileIsRefusedBecauseRocketMqWouldIgnoreIt() throws Exception {
        Files.write(dir.resolve("tls.properties"), "tls.server.mode=enforcing\n".getBytes());
        ConfigException e = assertThrows(ConfigException.class, () -> TlsSettings.load(sys()));
        assertTrue(e.getMessage().contains("-Dtls.server.mode"), e.getMessage());
    }

    @Test
    void typosAndBadValuesAreRefusedWithTheirName() {
        assertTrue(assertThrows(ConfigException.class, () -> TlsSettings.load(sys("tls.server.keypath", "/k")))
            .getMessage().contains("tls.server.keypath"));
        assertTrue(assertThrows(ConfigException.class, () -> TlsSettings.load(sys(TlsSettings.SERVER_MODE, "strict")))
            .getMessage().contains("tls.server.mode=strict"));
        assertTrue(assertThrows(ConfigException.class, () -> TlsSettings.load(sys(TlsSettings.SERVER_NEED_CLIENT_AUTH, "always")))
            .getMessage().contains("none, optional or require"));
        assertTrue(assertThrows(ConfigException.class, () -> TlsSettings.load(sys(TlsSettings.ENABLE, "yes")))
            .getMessage().contains("tls.enable=yes"));
    }
}
