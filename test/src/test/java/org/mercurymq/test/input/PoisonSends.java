package org.mercurymq.test.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;

/** Raw sends of poison messages (empty body, compressed flag over a body that is not zlib) over the wire. */
final class PoisonSends {
    static final byte[] NOT_ZLIB = "this is not zlib".getBytes(StandardCharsets.UTF_8);

    private PoisonSends() {
    }

    static SendMessageRequestHeader header(String topic, int sysFlag, boolean batch) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("poison-pg");
        h.setTopic(topic);
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(0);
        h.setSysFlag(sysFlag);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        h.setProperties(batch ? "" : "TAGS\u0001poison\u0002WAIT\u0001true");
        h.setBatch(batch);
        return h;
    }

    /** A single send with request code 10 or 310. */
    static RemotingCommand single(NettyRemotingClient client, String addr, int code, String topic, int sysFlag,
                                  byte[] body) throws Exception {
        SendMessageRequestHeader h = header(topic, sysFlag, false);
        RemotingCommand req = code == RequestCode.SEND_MESSAGE
            ? RemotingCommand.createRequestCommand(code, h)
            : RemotingCommand.createRequestCommand(code, SendMessageRequestHeaderV2.fromV1(h));
        req.setBody(body);
        return client.invokeSync(addr, req, 5000);
    }

    /** A SEND_BATCH_MESSAGE (320) whose elements carry {@code bodies}. */
    static RemotingCommand batch(NettyRemotingClient client, String addr, String topic, int sysFlag,
                                 List<byte[]> bodies) throws Exception {
        Message[] messages = bodies.stream().map(b -> {
            Message m = new Message(topic, b);
            m.setWaitStoreMsgOK(true);
            return m;
        }).toArray(Message[]::new);
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.SEND_BATCH_MESSAGE,
            SendMessageRequestHeaderV2.fromV1(header(topic, sysFlag, true)));
        req.setBody(MessageDecoder.encodeMessages(Arrays.asList(messages)));
        return client.invokeSync(addr, req, 5000);
    }

    static int compressed() {
        return MessageSysFlag.COMPRESSED_FLAG;
    }
}
