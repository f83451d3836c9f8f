package org.mercurymq.remoting.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.exception.RemotingCommandException;

/**
 * One request or response of the remoting protocol (docs/protocol/remoting.md): code, language,
 * version, opaque, flag, remark, string extFields and an opaque body. The typed header lives in
 * extFields on the wire; {@link #makeCustomHeaderToNet()} and {@link #decodeCommandCustomHeader} map
 * between the two. Not thread-safe: a command is built by one thread and then handed over.
 */
public class RemotingCommand {
    /** The MQVersion ordinal this implementation speaks (4.9.7). */
    public static final int CURRENT_VERSION = 407;

    private static final int RPC_TYPE_RESPONSE = 0;
    private static final int RPC_ONEWAY = 1;
    private static final AtomicInteger REQUEST_ID = new AtomicInteger(0);
    private static final Map<Class<?>, Field[]> HEADER_FIELDS = new ConcurrentHashMap<>();

    private static volatile SerializeType defaultSerializeType = SerializeType.JSON;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = CURRENT_VERSION;
    private int opaque = REQUEST_ID.getAndIncrement();
    private int flag;
    private String remark;
    private HashMap<String, String> extFields;
    private SerializeType serializeTypeCurrentRPC = defaultSerializeType;
    private transient CommandCustomHeader customHeader;
    private transient byte[] body;
    private transient BodyRegion bodyRegion;

    public RemotingCommand() {
    }

    /** Serialization used for requests this process originates (JSON unless configured otherwise). */
    public static void setDefaultSerializeType(SerializeType type) {
        defaultSerializeType = type;
    }

    public static SerializeType defaultSerializeType() {
        return defaultSerializeType;
    }

    public static RemotingCommand createRequestCommand(int code, CommandCustomHeader header) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        cmd.customHeader = header;
        return cmd;
    }

    public static RemotingCommand createResponseCommand(int code, String remark) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.markResponseType();
        cmd.code = code;
        cmd.remark = remark;
        return cmd;
    }

    public static RemotingCommand createResponseCommand(ResponseCode code, String remark) {
        return createResponseCommand(code.code(), remark);
    }

    /** A SYSTEM_ERROR response holding a fresh instance of the header class, to be filled in. */
    public static RemotingCommand createResponseCommand(Class<? extends CommandCustomHeader> headerClass) {
        RemotingCommand cmd = createResponseCommand(ResponseCode.SYSTEM_ERROR, "not set any response code");
        try {
            cmd.customHeader = headerClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("header class " + headerClass.getName() + " needs a public no-arg constructor", e);
        }
        return cmd;
    }

    /** Builds the response to this request: same opaque and serialization, response flag set. */
    public RemotingCommand response(int responseCode, String responseRemark) {
        RemotingCommand cmd = createResponseCommand(responseCode, responseRemark);
        cmd.opaque = opaque;
        cmd.serializeTypeCurrentRPC = serializeTypeCurrentRPC;
        return cmd;
    }

    /** Copies the typed header into extFields (called by the encoder before writing). */
    public void makeCustomHeaderToNet() {
        if (customHeader == null) {
            return;
        }
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        for (Field f : headerFields(customHeader.getClass())) {
            try {
                Object v = f.get(customHeader);
                if (v != null) {
                    extFields.put(f.getName(), v.toString());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Reads extFields into a new instance of {@code headerClass}. A missing {@code @CFNotNull} field
     * or an unparsable value throws {@link RemotingCommandException} naming the field.
     */
    public <T extends CommandCustomHeader> T decodeCommandCustomHeader(Class<T> headerClass) throws RemotingCommandException {
        T header;
        try {
            header = headerClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new RemotingCommandException("cannot instantiate header " + headerClass.getSimpleName(), e);
        }
        Map<String, String> ext = extFields == null ? new HashMap<String, String>() : extFields;
        for (Field f : headerFields(headerClass)) {
            String raw = ext.get(f.getName());
            if (raw == null) {
                if (f.isAnnotationPresent(CFNotNull.class)) {
                    throw new RemotingCommandException("the custom field <" + f.getName() + "> is null");
                }
                continue;
            }
            try {
                f.set(header, parse(f.getType(), raw));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                throw new RemotingCommandException("the custom field <" + f.getName() + "> has an invalid value '" + raw + "'");
            }
        }
        header.checkFields();
        return header;
    }

    private static Object parse(Class<?> type, String raw) {
        if (type == String.class) {
            return raw;
        }
        String v = raw.trim();
        if (type == Integer.class || type == int.class) {
            return Integer.parseInt(v);
        }
        if (type == Long.class || type == long.class) {
            return Long.parseLong(v);
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.parseBoolean(v);
        }
        if (type == Double.class || type == double.class) {
            return Double.parseDouble(v);
        }
        if (type == Short.class || type == short.class) {
            return Short.parseShort(v);
        }
        if (type.isEnum()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object e = Enum.valueOf((Class) type, v);
            return e;
        }
        throw new IllegalArgumentException("unsupported header field type " + type);
    }

    private static Field[] headerFields(Class<?> type) {
        Field[] cached = HEADER_FIELDS.get(type);
        if (cached != null) {
            return cached;
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                f.setAccessible(true);
                fields.add(f);
            }
        }
        Field[] result = fields.toArray(new Field[0]);
        HEADER_FIELDS.put(type, result);
        return result;
    }

    public void markResponseType() {
        flag |= 1 << RPC_TYPE_RESPONSE;
    }

    public boolean isResponseType() {
        return (flag & (1 << RPC_TYPE_RESPONSE)) != 0;
    }

    public void markOnewayRPC() {
        flag |= 1 << RPC_ONEWAY;
    }

    public boolean isOnewayRPC() {
        return (flag & (1 << RPC_ONEWAY)) != 0;
    }

    public void addExtField(String key, String value) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(key, value);
    }

    public int getCode() {
        return code;
    }

    public void setCode(int code) {
        this.code = code;
    }

    public void setCode(ResponseCode code) {
        this.code = code.code();
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public int getOpaque() {
        return opaque;
    }

    public void setOpaque(int opaque) {
        this.opaque = opaque;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public HashMap<String, String> getExtFields() {
        return extFields;
    }

    public void setExtFields(HashMap<String, String> extFields) {
        this.extFields = extFields;
    }

    public SerializeType getSerializeTypeCurrentRPC() {
        return serializeTypeCurrentRPC;
    }

    public void setSerializeTypeCurrentRPC(SerializeType serializeTypeCurrentRPC) {
        this.serializeTypeCurrentRPC = serializeTypeCurrentRPC;
    }

    public CommandCustomHeader readCustomHeader() {
        return customHeader;
    }

    public void writeCustomHeader(CommandCustomHeader header) {
        this.customHeader = header;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    /** The body written without a heap copy, or null; a command carries this or {@link #getBody()}, not both. */
    public BodyRegion getBodyRegion() {
        return bodyRegion;
    }

    /** Sets a body written from the region's buffers (see {@link BodyRegion}); clears the byte[] body. */
    public void setBodyRegion(BodyRegion region) {
        this.body = null;
        this.bodyRegion = region;
    }

    /** Releases a {@link BodyRegion} body of a command that will not be written; no-op without one. */
    public void releaseBodyRegion() {
        BodyRegion region = bodyRegion;
        if (region != null) {
            bodyRegion = null;
            region.release();
        }
    }

    @Override
    public String toString() {
        return "RemotingCommand [code=" + code + ", language=" + language + ", version=" + version + ", opaque=" + opaque
            + ", flag(B)=" + Integer.toBinaryString(flag) + ", remark=" + remark + ", extFields=" + extFields
            + ", serializeTypeCurrentRPC=" + serializeTypeCurrentRPC + "]";
    }
}
