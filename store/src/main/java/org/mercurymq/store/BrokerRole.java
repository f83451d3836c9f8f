package org.mercurymq.store;

/** The role of the broker owning the store; only masters accept puts. */
public enum BrokerRole {
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE
}
