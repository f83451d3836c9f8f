package org.mercurymq.test.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The application-facing API of the official RocketMQ 4.9.7 client exists under {@code org.mercurymq}: every public
 * class of the packages below, each public constructor, method and field (protected ones too where the class can be
 * subclassed), with the same parameter, return and generic types, the same checked exceptions and the same constant
 * values, once {@code org.apache.rocketmq} reads {@code org.mercurymq}. A migration is then an import rename.
 *
 * <p>Fails on any difference that {@link #ALLOWED} does not name; also fails on an allow-list entry that no longer
 * matches anything, so entries are removed as the gaps close. What is covered: docs/client.md.
 */
class ClientApiSurfaceTest {
    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    /**
     * Whole packages of rocketmq-client 4.9.7 an application imports: the producer and consumer APIs with their
     * listeners, queue selectors and allocation strategies, offset stores (custom ones are written against them),
     * exceptions, hooks, message tracing, and the root package (ClientConfig, AccessChannel, MQAdmin, MQHelper,
     * QueryResult, Validators). Not listed: impl, impl.* and admin (the engine), latency (reached only through
     * producer settings), stat (internal counters), log (Mercury logs through slf4j).
     */
    static final List<String> CLIENT_PACKAGES = Arrays.asList(
        "org.apache.rocketmq.client",
        "org.apache.rocketmq.client.producer",
        "org.apache.rocketmq.client.producer.selector",
        "org.apache.rocketmq.client.consumer",
        "org.apache.rocketmq.client.consumer.listener",
        "org.apache.rocketmq.client.consumer.rebalance",
        "org.apache.rocketmq.client.consumer.store",
        "org.apache.rocketmq.client.exception",
        "org.apache.rocketmq.client.hook",
        "org.apache.rocketmq.client.common",
        "org.apache.rocketmq.client.utils",
        "org.apache.rocketmq.client.trace",
        "org.apache.rocketmq.client.trace.hook");

    /** rocketmq-common: the message model is used whole; of the rest, the enums that appear in client settings. */
    static final List<String> COMMON_PACKAGES = Arrays.asList("org.apache.rocketmq.common.message");

    /**
     * Single classes outside those packages that applications name: settings enums, the RPC hook and the command it
     * sees, RemotingHelper (its DEFAULT_CHARSET is in every quick start), the response codes compared with
     * MQBrokerException.getResponseCode(), the remoting exceptions client methods declare (so catch blocks
     * compile), and the ACL hook.
     */
    static final List<String> SINGLE_CLASSES = Arrays.asList(
        "org.apache.rocketmq.common.consumer.ConsumeFromWhere",
        "org.apache.rocketmq.common.protocol.heartbeat.MessageModel",
        "org.apache.rocketmq.common.filter.ExpressionType",
        "org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData",
        "org.apache.rocketmq.remoting.RPCHook",
        "org.apache.rocketmq.remoting.protocol.RemotingCommand",
        "org.apache.rocketmq.remoting.protocol.LanguageCode",
        "org.apache.rocketmq.remoting.common.RemotingHelper",
        "org.apache.rocketmq.common.protocol.ResponseCode",
        "org.apache.rocketmq.remoting.protocol.RemotingSysResponseCode",
        "org.apache.rocketmq.remoting.exception.RemotingException",
        "org.apache.rocketmq.remoting.exception.RemotingConnectException",
        "org.apache.rocketmq.remoting.exception.RemotingSendRequestException",
        "org.apache.rocketmq.remoting.exception.RemotingTimeoutException",
        "org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException",
        "org.apache.rocketmq.remoting.exception.RemotingCommandException",
        "org.apache.rocketmq.acl.common.AclClientRPCHook",
        "org.apache.rocketmq.acl.common.SessionCredentials");

    /**
     * What is deliberately left out, each with its reason. A key is a class ({@code client.X}), a member
     * ({@code client.X#m(String)}, {@code client.X.FIELD}) or a prefix ending in '*'.
     */
    static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    private static void allow(String reason, String... keys) {
        for (String k : keys) {
            ALLOWED.put(k, reason);
        }
    }

    static {
        allow("the OpenTracing hooks need the io.opentracing API, which Mercury's client does not ship; message "
                + "trace to the trace topic (enableMsgTrace) works",
            "client.trace.hook.ConsumeMessageOpenTracingHookImpl",
            "client.trace.hook.EndTransactionOpenTracingHookImpl",
            "client.trace.hook.SendMessageOpenTracingHookImpl");
        allow("ACL (request signing) belongs to the security work, not done yet",
            "acl.common.AclClientRPCHook", "acl.common.SessionCredentials");
        allow("takes the engine type (client.impl) as parameter: the producer engine calls it, applications never do",
            "client.producer.RequestFutureHolder#shutdown(client.impl.producer.DefaultMQProducerImpl)",
            "client.producer.RequestFutureHolder#startScheduledTask(client.impl.producer.DefaultMQProducerImpl)");
        allow("request/reply internals: the latch and the time-out are fixed when the request is made, the reply "
                + "arrives through putResponseMessage; applications receive replies from request()",
            "client.producer.RequestResponseFuture#getCountDownLatch()",
            "client.producer.RequestResponseFuture#setCountDownLatch(concurrent.CountDownLatch)",
            "client.producer.RequestResponseFuture#setResponseMsg(common.message.Message)",
            "client.producer.RequestResponseFuture#setTimeoutMillis(long)");
        allow("fastjson-typed serialization: Mercury's client has no fastjson dependency (offsets file format: "
                + "docs/client.md)",
            "client.consumer.store.OffsetSerializeWrapper#encode(com.alibaba.fastjson.serializer.SerializerFeature[])");
        allow("JSON helpers inherited from RocketMQ's RemotingSerializable; the offsets file is written by "
                + "LocalFileOffsetStore, not by applications",
            "client.consumer.store.OffsetSerializeWrapper#toJson(Object, boolean)",
            "client.consumer.store.OffsetSerializeWrapper#toJson(boolean)");
        allow("wire codec of the command, not what an RPCHook uses (codes, ext fields, remark, body, flags are "
                + "checked): Mercury encodes in RemotingCommandCodec",
            "remoting.protocol.RemotingCommand#createNewRequestId()",
            "remoting.protocol.RemotingCommand#createResponseCommand(int, String, Class)",
            "remoting.protocol.RemotingCommand#decode(byte[])",
            "remoting.protocol.RemotingCommand#decode(io.netty.buffer.ByteBuf)",
            "remoting.protocol.RemotingCommand#decode(java.nio.ByteBuffer)",
            "remoting.protocol.RemotingCommand#decodeCommandCustomHeader(Class, boolean)",
            "remoting.protocol.RemotingCommand#encode()",
            "remoting.protocol.RemotingCommand#encodeHeader()",
            "remoting.protocol.RemotingCommand#encodeHeader(int)",
            "remoting.protocol.RemotingCommand#fastEncodeHeader(io.netty.buffer.ByteBuf)",
            "remoting.protocol.RemotingCommand#getHeaderLength(int)",
            "remoting.protocol.RemotingCommand#getProtocolType(int)",
            "remoting.protocol.RemotingCommand#getSerializeTypeConfigInThisServer()",
            "remoting.protocol.RemotingCommand#getType()",
            "remoting.protocol.RemotingCommand#markProtocolType(int, remoting.protocol.SerializeType)",
            "remoting.protocol.RemotingCommand.SERIALIZE_TYPE_PROPERTY",
            "remoting.protocol.RemotingCommand.SERIALIZE_TYPE_ENV",
            "remoting.protocol.RemotingCommand.REMOTING_VERSION_KEY");
        allow("generic <T extends CommandCustomHeader> T instead of CommandCustomHeader: every RocketMQ call compiles "
                + "(the cast becomes unnecessary)",
            "remoting.protocol.RemotingCommand#decodeCommandCustomHeader(Class)");
        allow("a static helper: not instantiated or subclassed; invokeSync (a blocking raw-socket call) is a tools "
                + "internal",
            "remoting.common.RemotingHelper");
        allow("wider parameter (Collection<? extends Message>): every call that compiles against RocketMQ compiles",
            "common.message.MessageBatch#generateFromList(Collection)");
        allow("an unmodifiable Set: the reserved property names are read, never changed, by applications",
            "common.message.MessageConst.STRING_HASH_SET");
        allow("the C++ client's queue type (JNI bridge), not used by Java applications",
            "common.message.MessageQueueForC");
        allow("a holder of constants (TAG, SQL92): not instantiated or subclassed; the SQL92 work (branch f-sql92) "
                + "owns this file now",
            "common.filter.ExpressionType");
        allow("class filters (filter server) were removed from RocketMQ 4.3; the property is never sent",
            "common.protocol.heartbeat.SubscriptionData#getFilterClassSource()",
            "common.protocol.heartbeat.SubscriptionData#setFilterClassSource(String)");
    }

    @Test
    void theOfficialApplicationApiExistsUnderOrgMercurymq() {
        ApiSurface surface = new ApiSurface();
        List<String> classes = new ArrayList<>();
        classes.addAll(ApiSurface.publicClassesIn(org.apache.rocketmq.client.ClientConfig.class, CLIENT_PACKAGES));
        classes.addAll(ApiSurface.publicClassesIn(org.apache.rocketmq.common.message.Message.class, COMMON_PACKAGES));
        classes.addAll(SINGLE_CLASSES);
        classes.forEach(surface::check);

        List<ApiSurface.Finding> open = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        int allowed = 0;
        for (ApiSurface.Finding f : surface.findings()) {
            String entry = allowedBy(f.key);
            if (entry == null) {
                open.add(f);
            } else {
                used.add(entry);
                allowed++;
            }
        }
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        stale.removeAll(used);

        System.out.printf("API surface vs RocketMQ 4.9.7: %d classes, %d constructors/methods/fields checked; "
                + "%d differences allow-listed, %d missing or different, %d stale allow-list entries%n",
            surface.classesChecked(), surface.membersChecked(), allowed, open.size(), stale.size());
        open.forEach(f -> System.out.println("  MISSING " + f));
        stale.forEach(s -> System.out.println("  STALE ALLOW-LIST ENTRY " + s));
        assertTrue(open.isEmpty(), open.size() + " API differences, first: " + (open.isEmpty() ? "" : open.get(0)));
        assertTrue(stale.isEmpty(), "allow-list entries that match nothing any more, remove them: " + stale);
    }

    /** The allow-list entry covering a finding's key, or null. */
    private static String allowedBy(String key) {
        for (String entry : ALLOWED.keySet()) {
            boolean prefix = entry.endsWith("*");
            String stem = prefix ? entry.substring(0, entry.length() - 1) : entry;
            if (prefix ? key.startsWith(stem) : key.equals(entry) || key.startsWith(entry + "#")
                || key.startsWith(entry + ".") && !key.substring(entry.length() + 1).contains(".")) {
                return entry;
            }
        }
        return null;
    }

    public static void main(String[] args) {
        new ClientApiSurfaceTest().theOfficialApplicationApiExistsUnderOrgMercurymq();
    }
}
