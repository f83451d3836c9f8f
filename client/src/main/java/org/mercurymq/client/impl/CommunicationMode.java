package org.mercurymq.client.impl;

/** How a request is sent: wait for the reply, get called back, or fire and forget. */
public enum CommunicationMode {
    SYNC,
    ASYNC,
    ONEWAY,
}
