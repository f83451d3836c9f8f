package org.mercurymq.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTableTest {
    enum Role { ASYNC_MASTER, SYNC_MASTER, SLAVE }

    static final ConfigKey<String> BROKER_IP1 = ConfigKey.ofString("brokerIP1", "127.0.0.1", "address advertised");
    static final ConfigKey<Integer> LISTEN_PORT = ConfigKey.ofInt("listenPort", 10911, "port").range(0, 65535);
    static final ConfigKey<Boolean> AUTO_CREATE = ConfigKey.ofBool("autoCreateTopicEnable", true, "auto-create topics");
    static final ConfigKey<Role> ROLE = ConfigKey.ofEnum("brokerRole", Role.class, Role.ASYNC_MASTER, "role");
    static final ConfigKey<Long> FILE_SIZE = ConfigKey.ofLong("mapedFileSizeCommitLog", 1L << 30, "file size").unit("bytes");
    static final ConfigTable TABLE = ConfigTable.of(BROKER_IP1, LISTEN_PORT, AUTO_CREATE, ROLE, FILE_SIZE);

    private static Map<String, String> raw(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Config c = TABLE.defaults();
        assertEquals(10911, c.get(LISTEN_PORT));
        assertEquals(Role.ASYNC_MASTER, c.get(ROLE));
        assertFalse(c.isSet(LISTEN_PORT));
    }

    @Test
    void parsesTypedValuesAndTrimsWhitespace() {
        Config c = TABLE.parse(raw("listenPort", " 10921 ", "autoCreateTopicEnable", "FALSE",
            "brokerRole", "SLAVE", "mapedFileSizeCommitLog", "1048576"), m -> { });
        assertEquals(10921, c.get(LISTEN_PORT));
        assertFalse(c.get(AUTO_CREATE));
        assertEquals(Role.SLAVE, c.get(ROLE));
        assertEquals(1048576L, c.get(FILE_SIZE));
        assertTrue(c.isSet(LISTEN_PORT));
    }

    @Test
    void misspeltKeyIsReportedWithTheNearestKnownKey() {
        List<String> warnings = new ArrayList<>();
        Config c = TABLE.parse(raw("brokerIp1", "10.0.0.1"), warnings::add);
        assertEquals("127.0.0.1", c.get(BROKER_IP1));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("'brokerIp1'") && warnings.get(0).contains("'brokerIP1'"), warnings.get(0));
    }

    @Test
    void unrelatedUnknownKeyHasNoSuggestion() {
        assertNull(TABLE.nearest("somethingCompletelyDifferent"));
    }

    @Test
    void invalidValuesNameTheKey() {
        ConfigException notNumber = assertThrows(ConfigException.class, () -> TABLE.parse(raw("listenPort", "ten"), m -> { }));
        assertTrue(notNumber.getMessage().contains("listenPort"), notNumber.getMessage());
        ConfigException outOfRange = assertThrows(ConfigException.class, () -> TABLE.parse(raw("listenPort", "70000"), m -> { }));
        assertTrue(outOfRange.getMessage().contains("outside"), outOfRange.getMessage());
        ConfigException badBool = assertThrows(ConfigException.class, () -> TABLE.parse(raw("autoCreateTopicEnable", "yes"), m -> { }));
        assertTrue(badBool.getMessage().contains("autoCreateTopicEnable"), badBool.getMessage());
        ConfigException badEnum = assertThrows(ConfigException.class, () -> TABLE.parse(raw("brokerRole", "MASTER"), m -> { }));
        assertTrue(badEnum.getMessage().contains("SYNC_MASTER"), badEnum.getMessage());
    }

    @Test
    void updatesProduceNewInstancesAndPrintSorted() {
        Config c = TABLE.defaults();
        Config d = c.withRaw(raw("listenPort", "1234"), m -> { });
        assertEquals(10911, c.get(LISTEN_PORT));
        assertEquals(1234, d.get(LISTEN_PORT));
        String text = d.toPropertiesText();
        assertTrue(text.startsWith("autoCreateTopicEnable=true\nbrokerIP1=127.0.0.1\n"), text);
        assertTrue(text.contains("listenPort=1234\n"), text);
    }

    @Test
    void mergedTablesRejectDuplicateKeys() {
        ConfigTable other = ConfigTable.of(ConfigKey.ofInt("listenPort", 1, "dup"));
        assertThrows(IllegalArgumentException.class, () -> TABLE.merge(other));
        ConfigTable merged = TABLE.merge(ConfigTable.of(ConfigKey.ofInt("other", 1, "x")));
        assertEquals(6, merged.keys().size());
    }

    @Test
    void keysOfAnotherTableAreRefused() {
        ConfigKey<Integer> foreign = ConfigKey.ofInt("listenPort", 1, "same name, other key");
        assertThrows(IllegalArgumentException.class, () -> TABLE.defaults().get(foreign));
    }
}
