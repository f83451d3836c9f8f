package org.mercurymq.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PermNameTest {
    @Test
    void bits() {
        assertTrue(PermName.isReadable(6));
        assertTrue(PermName.isWriteable(6));
        assertFalse(PermName.isInherited(6));
        assertTrue(PermName.isInherited(7));
        assertFalse(PermName.isWriteable(4));
        assertEquals("RW-", PermName.perm2String(6));
        assertEquals("RWX", PermName.perm2String(7));
        assertEquals("R--", PermName.perm2String(4));
        assertEquals(8, PermName.PERM_PRIORITY);
    }
}
