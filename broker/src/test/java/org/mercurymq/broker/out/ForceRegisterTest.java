package org.mercurymq.broker.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.InvokeCallback;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.RemotingClient;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.header.namesrv.QueryDataVersionResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;

/** forceRegister=false: the periodic registration is skipped while every name server confirms the data version. */
class ForceRegisterTest {
    private static final TopicConfigSerializeWrapper TOPICS = new TopicConfigSerializeWrapper(
        Map.of("T", new TopicConfig("T", 4, 4, 6)), new DataVersion(1, 2));
    private static final BrokerIdentity ID = new BrokerIdentity("C", "b", 0, "127.0.0.1:10911", "127.0.0.1:10912");

    @Test
    void withForceRegisterFalseOnlyAChangedDataVersionIsRegistered() {
        FakeNamesrv ns = new FakeNamesrv();
        BrokerOuterAPI api = new BrokerOuterAPI(ns);
        api.start();
        try {
            NameServerRegistrar registrar = new NameServerRegistrar(api,
                () -> BrokerConfig.of(Map.of("namesrvAddr", "127.0.0.1:9876", "forceRegister", "false")), () -> TOPICS, ID);
            ns.changed = false;
            registrar.registerPeriodically();
            assertEquals(List.of(RequestCode.QUERY_DATA_VERSION), ns.codes);
            ns.changed = true;
            registrar.registerPeriodically();
            assertEquals(List.of(RequestCode.QUERY_DATA_VERSION, RequestCode.QUERY_DATA_VERSION, RequestCode.REGISTER_BROKER),
                ns.codes);
        } finally {
            api.shutdown();
        }
    }

    @Test
    void withForceRegisterTrueEveryPeriodRegisters() {
        FakeNamesrv ns = new FakeNamesrv();
        BrokerOuterAPI api = new BrokerOuterAPI(ns);
        api.start();
        try {
            NameServerRegistrar registrar = new NameServerRegistrar(api,
                () -> BrokerConfig.of(Map.of("namesrvAddr", "127.0.0.1:9876")), () -> TOPICS, ID);
            registrar.registerPeriodically();
            assertEquals(List.of(RequestCode.REGISTER_BROKER), ns.codes);
        } finally {
            api.shutdown();
        }
    }

    /** Answers QUERY_DATA_VERSION with {@link #changed} and REGISTER_BROKER with success; records the codes. */
    private static final class FakeNamesrv implements RemotingClient {
        final List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
        volatile boolean changed;

        @Override
        public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis) {
            codes.add(request.getCode());
            RemotingCommand response = request.response(ResponseCode.SUCCESS.code(), null);
            if (request.getCode() == RequestCode.QUERY_DATA_VERSION) {
                response.writeCustomHeader(new QueryDataVersionResponseHeader(changed));
            } else {
                response.writeCustomHeader(new RegisterBrokerResponseHeader());
            }
            // as the wire would: the header travels as ext fields
            response.makeCustomHeaderToNet();
            return response;
        }

        @Override
        public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis) {
            codes.add(request.getCode());
        }

        @Override
        public void updateNameServerAddressList(List<String> addrs) {
        }

        @Override
        public List<String> getNameServerAddressList() {
            return List.of();
        }

        @Override
        public void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor) {
        }

        @Override
        public boolean isChannelWritable(String addr) {
            return true;
        }

        @Override
        public void closeChannels(List<String> addrs) {
        }

        @Override
        public void start() {
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void registerRPCHook(RPCHook rpcHook) {
        }
    }
}
