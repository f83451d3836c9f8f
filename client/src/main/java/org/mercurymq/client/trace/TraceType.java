package org.mercurymq.client.trace;

/** Kind of a trace record; the name is the record's first field. */
public enum TraceType {
    Pub,
    SubBefore,
    SubAfter,
    EndTransaction,
}
