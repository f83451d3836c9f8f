package org.mercurymq.remoting.protocol;

/** Sender language; JSON carries the name, the ROCKETMQ header the code byte. */
public enum LanguageCode {
    JAVA((byte) 0),
    CPP((byte) 1),
    DOTNET((byte) 2),
    PYTHON((byte) 3),
    DELPHI((byte) 4),
    ERLANG((byte) 5),
    RUBY((byte) 6),
    OTHER((byte) 7),
    HTTP((byte) 8),
    GO((byte) 9),
    PHP((byte) 10),
    OMS((byte) 11),
    RUST((byte) 12);

    private final byte code;

    LanguageCode(byte code) {
        this.code = code;
    }

    public byte getCode() {
        return code;
    }

    /** Returns OTHER for an unknown code. */
    public static LanguageCode valueOf(byte code) {
        for (LanguageCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return OTHER;
    }
}
