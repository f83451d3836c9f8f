package org.mercurymq.remoting.protocol;

/** Header serialization, carried in the top byte of the header-length word. */
public enum SerializeType {
    JSON((byte) 0),
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte getCode() {
        return code;
    }

    /** Returns null for an unknown code. */
    public static SerializeType valueOf(byte code) {
        for (SerializeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
