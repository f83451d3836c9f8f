package org.mercurymq.remoting.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler after the connection handler on a server connection: looks at the first byte a client
 * sends and then removes itself. A TLS record starts with 0x16 (handshake) while a remoting frame starts
 * with 0x00 (its length is below 16 MiB), so one port can serve both (docs/security.md):
 * <pre>
 *   0x16, mode permissive/enforcing -> insert SslHandler here, pass the bytes on (decrypted below it)
 *   0x16, mode disabled             -> close, one WARN line
 *   other, mode enforcing           -> close, one WARN line
 *   other, otherwise                -> plaintext, pass the bytes on
 * </pre>
 * Stateless, shared by all connections of a server.
 */
@ChannelHandler.Sharable
public final class TlsSniffer extends ChannelInboundHandlerAdapter {
    public static final String NAME = "tlsSniffer";
    public static final String SSL_HANDLER_NAME = "sslHandler";
    private static final Logger LOG = LoggerFactory.getLogger(TlsSniffer.class);
    private static final byte TLS_HANDSHAKE_RECORD = 0x16;

    private final ServerTls tls;

    public TlsSniffer(ServerTls tls) {
        this.tls = tls;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf) || !((ByteBuf) msg).isReadable()) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf buf = (ByteBuf) msg;
        boolean tlsHello = buf.getByte(buf.readerIndex()) == TLS_HANDSHAKE_RECORD;
        if (tlsHello && tls.mode() == TlsMode.DISABLED) {
            LOG.warn("closing {}: TLS handshake but tls.server.mode=disabled on port {}", ctx.channel().remoteAddress(),
                ctx.channel().localAddress());
            buf.release();
            ctx.close();
            return;
        }
        if (!tlsHello && tls.mode() == TlsMode.ENFORCING) {
            LOG.warn("closing {}: plaintext connection but tls.server.mode=enforcing on port {}",
                ctx.channel().remoteAddress(), ctx.channel().localAddress());
            buf.release();
            ctx.close();
            return;
        }
        if (tlsHello) {
            ctx.pipeline().addAfter(NAME, SSL_HANDLER_NAME, tls.context().newHandler(ctx.alloc()));
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(buf);
    }
}
