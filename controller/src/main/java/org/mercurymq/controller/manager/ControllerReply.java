package org.mercurymq.controller.manager;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;

/** The answer to one controller request: a code (0 = success), a readable remark, an optional header and body. */
public record ControllerReply(int code, String remark, CommandCustomHeader header, byte[] body) {

    public static ControllerReply ok(CommandCustomHeader header, byte[] body) {
        return new ControllerReply(0, null, header, body);
    }

    public static ControllerReply error(ControllerResponseCode code, String remark) {
        return new ControllerReply(code.code(), remark, null, null);
    }

    public static ControllerReply error(ControllerResponseCode code, String remark, CommandCustomHeader header,
                                        byte[] body) {
        return new ControllerReply(code.code(), remark, header, body);
    }

    public boolean succeeded() {
        return code == 0;
    }
}
