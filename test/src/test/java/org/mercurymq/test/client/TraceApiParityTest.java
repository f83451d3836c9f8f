package org.mercurymq.test.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mercury's message trace API against the official 4.9.7 jar, without a broker: the same public methods and
 * constructors, the same constants, and the same encoded text for the same records (both encoders side by side).
 */
class TraceApiParityTest {
    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client.trace.AsyncTraceDispatcher", "client.trace.TraceDispatcher",
        "client.trace.TraceContext", "client.trace.TraceBean", "client.trace.TraceType", "client.trace.TraceDataEncoder",
        "client.trace.TraceConstants", "client.trace.TraceTransferBean", "client.trace.hook.SendMessageTraceHookImpl",
        "client.trace.hook.ConsumeMessageTraceHookImpl", "client.trace.hook.EndTransactionTraceHookImpl"})
    void publicMethodsAndConstructorsMatchTheOfficialClient(String suffix) throws Exception {
        Set<String> official = signatures(Class.forName("org.apache.rocketmq." + suffix));
        official.removeAll(signatures(Class.forName("org.mercurymq." + suffix)));
        assertTrue(official.isEmpty(), "missing in Mercury's " + suffix + ": " + official);
    }

    /** The trace constructors and accessors of the producers and consumers. */
    @ParameterizedTest
    @ValueSource(strings = {"client.producer.DefaultMQProducer", "client.producer.TransactionMQProducer",
        "client.consumer.DefaultMQPushConsumer", "client.consumer.DefaultLitePullConsumer"})
    void traceConstructorsAndAccessorsMatchTheOfficialClient(String suffix) throws Exception {
        Set<String> official = new TreeSet<>();
        for (String s : signatures(Class.forName("org.apache.rocketmq." + suffix))) {
            if (s.contains("boolean") || s.toLowerCase().contains("trace")) {
                official.add(s);
            }
        }
        official.removeAll(signatures(Class.forName("org.mercurymq." + suffix)));
        assertTrue(official.isEmpty(), "missing in Mercury's " + suffix + ": " + official);
    }

    @Test
    void constantsAreTheSame() throws Exception {
        for (Field f : org.apache.rocketmq.client.trace.TraceConstants.class.getFields()) {
            assertEquals(f.get(null), org.mercurymq.client.trace.TraceConstants.class.getField(f.getName()).get(null), f.getName());
        }
    }

    @Test
    void bothEncodersWriteTheSameTextAndKeys() {
        org.apache.rocketmq.client.trace.TraceContext a = new org.apache.rocketmq.client.trace.TraceContext();
        org.mercurymq.client.trace.TraceContext m = new org.mercurymq.client.trace.TraceContext();
        for (String type : Arrays.asList("Pub", "SubBefore", "SubAfter", "EndTransaction")) {
            a.setTraceType(org.apache.rocketmq.client.trace.TraceType.valueOf(type));
            m.setTraceType(org.mercurymq.client.trace.TraceType.valueOf(type));
            a.setTimeStamp(1700000000000L);
            m.setTimeStamp(1700000000000L);
            a.setRegionId("DefaultRegion");
            m.setRegionId("DefaultRegion");
            a.setGroupName("G");
            m.setGroupName("G");
            a.setRequestId("REQ");
            m.setRequestId("REQ");
            a.setCostTime(7);
            m.setCostTime(7);
            a.setSuccess(false);
            m.setSuccess(false);
            a.setContextCode(4);
            m.setContextCode(4);
            a.setAccessChannel(org.apache.rocketmq.client.AccessChannel.LOCAL);
            m.setAccessChannel(org.mercurymq.client.AccessChannel.LOCAL);
            List<org.apache.rocketmq.client.trace.TraceBean> ab = new ArrayList<>();
            List<org.mercurymq.client.trace.TraceBean> mb = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                org.apache.rocketmq.client.trace.TraceBean x = new org.apache.rocketmq.client.trace.TraceBean();
                org.mercurymq.client.trace.TraceBean y = new org.mercurymq.client.trace.TraceBean();
                x.setTopic("T");
                y.setTopic("T");
                x.setMsgId("ID" + i);
                y.setMsgId("ID" + i);
                x.setTags(i == 0 ? null : "TagA");
                y.setTags(i == 0 ? null : "TagA");
                x.setKeys(i == 0 ? null : "k1 k2");
                y.setKeys(i == 0 ? null : "k1 k2");
                x.setStoreHost("127.0.0.1:10911");
                y.setStoreHost("127.0.0.1:10911");
                x.setBodyLength(5);
                y.setBodyLength(5);
                x.setRetryTimes(3);
                y.setRetryTimes(3);
                x.setOffsetMsgId("OFF");
                y.setOffsetMsgId("OFF");
                x.setMsgType(org.apache.rocketmq.common.message.MessageType.Delay_Msg);
                y.setMsgType(org.mercurymq.common.message.MessageType.Delay_Msg);
                x.setTransactionId("TX");
                y.setTransactionId("TX");
                x.setTransactionState(org.apache.rocketmq.client.producer.LocalTransactionState.UNKNOW);
                y.setTransactionState(org.mercurymq.client.producer.LocalTransactionState.UNKNOW);
                x.setFromTransactionCheck(true);
                y.setFromTransactionCheck(true);
                ab.add(x);
                mb.add(y);
            }
            a.setTraceBeans(ab);
            m.setTraceBeans(mb);
            org.apache.rocketmq.client.trace.TraceTransferBean at =
                org.apache.rocketmq.client.trace.TraceDataEncoder.encoderFromContextBean(a);
            org.mercurymq.client.trace.TraceTransferBean mt = org.mercurymq.client.trace.TraceDataEncoder.encoderFromContextBean(m);
            assertEquals(at.getTransData(), mt.getTransData(), type);
            assertEquals(at.getTransKey(), mt.getTransKey(), type);
        }
    }

    /** Public methods as "ReturnType name[ParamType, ...]" and constructors as "new[ParamType, ...]". */
    private static Set<String> signatures(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                out.add(m.getReturnType().getSimpleName() + " " + m.getName() + names(m.getParameterTypes()));
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) {
                out.add("new" + names(k.getParameterTypes()));
            }
        }
        return out;
    }

    private static List<String> names(Class<?>[] types) {
        List<String> out = new ArrayList<>();
        for (Class<?> t : types) {
            out.add(t.getSimpleName());
        }
        return out;
    }
}
