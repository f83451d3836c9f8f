package org.mercurymq.client.producer;

/** Outcome of a stored send; anything else is an exception (docs/protocol/codes.md "How the 4.9.x client interprets codes"). */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
}
