package org.mercurymq.remoting.protocol.controller;

/** Request codes of RocketMQ 5's controller mode that Mercury serves (docs/controller.md, "Protocol"). */
public final class ControllerRequestCode {
    public static final int BROKER_HEARTBEAT = 904;
    public static final int CONTROLLER_ALTER_SYNC_STATE_SET = 1001;
    public static final int CONTROLLER_ELECT_MASTER = 1002;
    public static final int CONTROLLER_REGISTER_BROKER = 1003;
    public static final int CONTROLLER_GET_REPLICA_INFO = 1004;
    public static final int CONTROLLER_GET_METADATA_INFO = 1005;
    /** Served by brokers: their epoch entries and max offset (Mercury adds the {@code haServerAddr} header field). */
    public static final int GET_BROKER_EPOCH_CACHE = 1007;
    public static final int CONTROLLER_GET_NEXT_BROKER_ID = 1012;
    public static final int CONTROLLER_APPLY_BROKER_ID = 1013;

    private ControllerRequestCode() {
    }
}
