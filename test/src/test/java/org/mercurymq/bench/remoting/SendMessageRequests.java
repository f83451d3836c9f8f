package org.mercurymq.bench.remoting;

import java.util.HashMap;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.SerializeType;

/** A typical SEND_MESSAGE_V2 request: the short-named V2 header fields and a 1 KiB body. */
final class SendMessageRequests {
    static final int BODY_SIZE = 1024;

    private SendMessageRequests() {
    }

    static RemotingCommand create(SerializeType type) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, null);
        HashMap<String, String> ext = new HashMap<>();
        ext.put("a", "please_rename_unique_group_name");
        ext.put("b", "BenchmarkTopic");
        ext.put("c", "TBW102");
        ext.put("d", "4");
        ext.put("e", "2");
        ext.put("f", "0");
        ext.put("g", "1795000000000");
        ext.put("h", "0");
        ext.put("i", "UNIQ_KEY\u00017F0000010F8418B4AAC2742E0B3A0000\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002");
        ext.put("j", "0");
        ext.put("k", "false");
        ext.put("m", "false");
        ext.put("n", "broker-a");
        cmd.setExtFields(ext);
        byte[] body = new byte[BODY_SIZE];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        cmd.setBody(body);
        cmd.setSerializeTypeCurrentRPC(type);
        return cmd;
    }
}
