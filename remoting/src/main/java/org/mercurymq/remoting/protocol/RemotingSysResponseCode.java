package org.mercurymq.remoting.protocol;

/**
 * The framework response codes as {@code int} constants, for code written against RocketMQ's
 * {@code RemotingSysResponseCode} (e.g. {@code switch (e.getResponseCode())}). The same values as
 * {@link ResponseCode}, which is what Mercury's own code uses; a test keeps the two in step.
 */
public class RemotingSysResponseCode {
    public static final int SUCCESS = 0;
    public static final int SYSTEM_ERROR = 1;
    public static final int SYSTEM_BUSY = 2;
    public static final int REQUEST_CODE_NOT_SUPPORTED = 3;
    public static final int TRANSACTION_FAILED = 4;
}
