package org.mercurymq.remoting.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Last handler of the pipeline: responses go to the invoker, requests to the dispatcher. Thread-safe. */
@ChannelHandler.Sharable
final class CommandHandler extends SimpleChannelInboundHandler<RemotingCommand> {
    private final RequestInvoker invoker;
    private final RequestDispatcher dispatcher;

    CommandHandler(RequestInvoker invoker, RequestDispatcher dispatcher) {
        this.invoker = invoker;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
        if (cmd.isResponseType()) {
            invoker.onResponse(ctx.channel(), cmd);
        } else {
            dispatcher.dispatch(ctx.channel(), cmd);
        }
    }
}
