package org.mercurymq.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpPatternTest {
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "''|127.0.0.1|false",
        "*|10.1.2.3|true",
        "*.*.*.*|10.1.2.3|true",
        "192.168.1.*|192.168.1.77|true",
        "192.168.1.*|192.168.2.77|false",
        "192.168.1.*|192.168.10.5|false",
        "192.168.*.*|192.168.250.1|true",
        "192.168.*.5|192.168.3.9|true",
        "10.10.103.1-200|10.10.103.200|true",
        "10.10.103.1-200|10.10.103.201|false",
        "10.10.103.1-200|10.10.103.0|false",
        "192.168.1-10.*|192.168.10.1|true",
        "192.168.1-10.*|192.168.11.1|false",
        "192.168.0.{1,2}|192.168.0.2|true",
        "192.168.0.{1,2}|192.168.0.3|false",
        "127.0.0.1,10.0.0.1|10.0.0.1|true",
        "127.0.0.1,10.0.0.1|10.0.0.2|false",
        "127.0.0.1|127.0.0.1|true",
        "127.0.0.1|127.0.0.2|false",
        "::1|0:0:0:0:0:0:0:1|true",
        "1050:0000:0000:0000:0005:0600:300c:326b|1050::5:600:300C:326B|true",
    })
    void matches(String pattern, String address, boolean expected) {
        assertEquals(expected, IpPattern.parse(pattern).matches(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.300", "192.168.-1.*", "192.168.5-2.*", "a.b.c.d", "192.168.1.{1,x}", "1:2::*"})
    void malformedPatternsAreRefusedAtLoad(String pattern) {
        AclException e = assertThrows(AclException.class, () -> IpPattern.parse(pattern));
        assertEquals(true, e.getMessage().contains(pattern), e.getMessage());
    }
}
