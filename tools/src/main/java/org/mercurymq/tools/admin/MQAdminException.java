package org.mercurymq.tools.admin;

import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * An admin call that a server answered with a non-success code, or that could not be made (no route, bad
 * id): carries the response code ({@link #NO_RESPONSE_CODE} for client-side failures), the server's remark
 * and which server answered. Immutable.
 */
public class MQAdminException extends Exception {
    /** The code of failures found on this side, before or without a server reply. */
    public static final int NO_RESPONSE_CODE = -1;

    private final int responseCode;
    private final String remark;
    private final String serverAddr;

    public MQAdminException(int responseCode, String remark, String serverAddr) {
        super(describe(responseCode, remark, serverAddr));
        this.responseCode = responseCode;
        this.remark = remark;
        this.serverAddr = serverAddr;
    }

    /** A failure found on this side. */
    public MQAdminException(String message) {
        super(message);
        this.responseCode = NO_RESPONSE_CODE;
        this.remark = message;
        this.serverAddr = null;
    }

    private static String describe(int code, String remark, String serverAddr) {
        return "CODE: " + ResponseCode.describe(code) + " DESC: " + (remark == null ? "" : remark)
            + (serverAddr == null ? "" : " (" + serverAddr + ")");
    }

    public int getResponseCode() {
        return responseCode;
    }

    public String getErrorMessage() {
        return remark;
    }

    /** Which server answered, e.g. {@code broker 127.0.0.1:10911}; null for client-side failures. */
    public String getServerAddr() {
        return serverAddr;
    }
}
