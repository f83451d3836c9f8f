package org.mercurymq.remoting.netty;

/** Kinds of connection events reported to a ChannelEventListener. */
enum ChannelEventType {
    CONNECT,
    CLOSE,
    IDLE,
    EXCEPTION
}
