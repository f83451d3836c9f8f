package org.mercurymq.remoting.protocol.controller;

import java.util.HashMap;
import java.util.Map;

/** Controller response codes 2000-2016 (RocketMQ 5's numbering; docs/controller.md, "Protocol"). */
public enum ControllerResponseCode {
    CONTROLLER_FENCED_MASTER_EPOCH(2000),
    CONTROLLER_FENCED_SYNC_STATE_SET_EPOCH(2001),
    CONTROLLER_INVALID_MASTER(2002),
    CONTROLLER_INVALID_REPLICAS(2003),
    CONTROLLER_MASTER_NOT_AVAILABLE(2004),
    CONTROLLER_INVALID_REQUEST(2005),
    CONTROLLER_BROKER_NOT_ALIVE(2006),
    CONTROLLER_NOT_LEADER(2007),
    CONTROLLER_BROKER_METADATA_NOT_EXIST(2008),
    CONTROLLER_INVALID_CLEAN_BROKER_METADATA(2009),
    CONTROLLER_BROKER_NEED_TO_BE_REGISTERED(2010),
    CONTROLLER_MASTER_STILL_EXIST(2011),
    CONTROLLER_ELECT_MASTER_FAILED(2012),
    CONTROLLER_ALTER_SYNC_STATE_SET_FAILED(2013),
    CONTROLLER_BROKER_ID_INVALID(2014),
    CONTROLLER_JRAFT_INTERNAL_ERROR(2015),
    CONTROLLER_BROKER_LIVE_INFO_NOT_EXISTS(2016);

    private static final Map<Integer, ControllerResponseCode> BY_CODE = new HashMap<>();

    static {
        for (ControllerResponseCode c : values()) {
            BY_CODE.put(c.code, c);
        }
    }

    private final int code;

    ControllerResponseCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The code's entry, or null for a code this table does not know. */
    public static ControllerResponseCode of(int code) {
        return BY_CODE.get(code);
    }
}
