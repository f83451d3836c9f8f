package org.mercurymq.client;

/** Where the client runs; only LOCAL has a meaning in Mercury (CLOUD is accepted for compatibility). */
public enum AccessChannel {
    LOCAL,
    CLOUD,
}
