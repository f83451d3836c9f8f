package org.mercurymq.common.sysflag;

/** The sysFlag bits of a stored or sent message (docs/protocol/message-format.md section 3). Stateless. */
public final class MessageSysFlag {
    public static final int COMPRESSED_FLAG = 0x1;
    public static final int MULTI_TAGS_FLAG = 0x1 << 1;
    public static final int TRANSACTION_NOT_TYPE = 0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x1 << 2;
    public static final int TRANSACTION_COMMIT_TYPE = 0x2 << 2;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0x3 << 2;
    public static final int BORNHOST_V6_FLAG = 0x1 << 4;
    public static final int STOREHOSTADDRESS_V6_FLAG = 0x1 << 5;
    public static final int NEED_UNWRAP_FLAG = 0x1 << 6;
    public static final int INNER_BATCH_FLAG = 0x1 << 7;
    public static final int COMPRESSION_LZ4_TYPE = 0x1 << 8;
    public static final int COMPRESSION_ZSTD_TYPE = 0x2 << 8;
    public static final int COMPRESSION_ZLIB_TYPE = 0x3 << 8;
    public static final int COMPRESSION_TYPE_COMPARATOR = 0x7 << 8;

    private MessageSysFlag() {
    }

    public static int getTransactionValue(int flag) {
        return flag & TRANSACTION_ROLLBACK_TYPE;
    }

    public static int resetTransactionValue(int flag, int type) {
        return (flag & ~TRANSACTION_ROLLBACK_TYPE) | type;
    }

    public static int clearCompressedFlag(int flag) {
        return flag & ~COMPRESSED_FLAG;
    }

    /** The compression type number in bits 8-10: 0 legacy (zlib), 1 LZ4, 2 ZSTD, 3 ZLIB. */
    public static int getCompressionType(int flag) {
        return (flag & COMPRESSION_TYPE_COMPARATOR) >> 8;
    }

    public static boolean check(int flag, int expectedFlag) {
        return (flag & expectedFlag) != 0;
    }
}
