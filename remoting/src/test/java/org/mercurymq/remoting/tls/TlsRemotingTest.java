package org.mercurymq.remoting.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Real sockets on 127.0.0.1: the three server modes, test mode, PEM files with a password and client auth. */
class TlsRemotingTest {
    private static final int ECHO = 1001;

    @TempDir
    Path dir;

    private final List<Runnable> cleanups = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        for (Runnable r : cleanups) {
            r.run();
        }
        executor.shutdownNow();
    }

    private Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty(TlsSettings.CONFIG_FILE, dir.resolve("absent.properties").toString());
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private String server(Properties p) {
        NettyRemotingServer s = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1").listenPort(0).build(),
            null, Clock.systemUTC(), ServerTls.from(TlsSettings.load(p), System.currentTimeMillis()));
        s.registerProcessor(ECHO, (ch, req) -> {
            RemotingCommand r = RemotingCommand.createResponseCommand(0, "echo");
            r.setBody(req.getBody());
            return r;
        }, executor);
        s.start();
        cleanups.add(s::shutdown);
        return "127.0.0.1:" + s.localListenPort();
    }

    private NettyRemotingClient client(boolean tls, Properties p) {
        NettyRemotingClient c = new NettyRemotingClient(NettyClientConfig.builder().useTLS(tls).connectTimeoutMillis(5000).build(),
            null, Clock.systemUTC(), TlsSettings.load(p));
        c.start();
        cleanups.add(c::shutdown);
        return c;
    }

    private static String echo(NettyRemotingClient c, String addr) throws Exception {
        RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
        req.setBody("hello".getBytes());
        RemotingCommand resp = c.invokeSync(addr, req, 10_000);
        return new String(resp.getBody());
    }

    /** A plaintext frame on a raw socket; true when the server closed the connection instead of answering. */
    private static boolean plaintextClosed(String addr) throws Exception {
        String[] hp = addr.split(":");
        try (Socket s = new Socket(hp[0], Integer.parseInt(hp[1]))) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0, 0, 0, 20, 0, 0, 0, 16});
            out.write("{\"code\":1001,\"flag\":0}".substring(0, 16).getBytes());
            out.flush();
            InputStream in = s.getInputStream();
            return in.read() == -1;
        }
    }

    @Test
    void enforcingServesTlsAndClosesPlaintext() throws Exception {
        String addr = server(props(TlsSettings.SERVER_MODE, "enforcing"));
        assertEquals("hello", echo(client(true, props()), addr));
        assertTrue(plaintextClosed(addr));
        NettyRemotingClient plain = client(false, props());
        assertThrows(RemotingException.class, () -> echo(plain, addr));
    }

    @Test
    void permissiveServesTlsAndPlaintextOnOnePort() throws Exception {
        String addr = server(props(TlsSettings.SERVER_MODE, "permissive"));
        assertEquals("hello", echo(client(true, props()), addr));
        assertEquals("hello", echo(client(false, props()), addr));
    }

    @Test
    void disabledClosesTls() throws Exception {
        String addr = server(props(TlsSettings.SERVER_MODE, "disabled"));
        assertEquals("hello", echo(client(false, props()), addr));
        NettyRemotingClient tls = client(true, props());
        assertThrows(RemotingException.class, () -> echo(tls, addr));
    }

    @Test
    void pemFilesWithEncryptedKeyAndServerAuthentication() throws Exception {
        PemFiles server = PemFiles.write(dir, "server", "s3cret");
        PemFiles other = PemFiles.write(dir, "other", null);
        String addr = server(props(TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, server.cert.toString(), TlsSettings.SERVER_KEY_PATH, server.key.toString(),
            TlsSettings.SERVER_KEY_PASSWORD, "s3cret"));
        assertEquals("hello", echo(client(true, props(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, server.cert.toString())), addr));
        NettyRemotingClient distrustful = client(true, props(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_AUTH_SERVER, "true", TlsSettings.CLIENT_TRUST_CERT_PATH, other.cert.toString()));
        assertThrows(RemotingException.class, () -> echo(distrustful, addr));
    }

    @Test
    void requiredClientCertificate() throws Exception {
        PemFiles server = PemFiles.write(dir, "server", null);
        PemFiles client = PemFiles.write(dir, "client", null);
        String addr = server(props(TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, server.cert.toString(), TlsSettings.SERVER_KEY_PATH, server.key.toString(),
            TlsSettings.SERVER_NEED_CLIENT_AUTH, "require", TlsSettings.SERVER_AUTH_CLIENT, "true",
            TlsSettings.SERVER_TRUST_CERT_PATH, client.cert.toString()));
        assertEquals("hello", echo(client(true, props(TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.CLIENT_CERT_PATH, client.cert.toString(), TlsSettings.CLIENT_KEY_PATH, client.key.toString())), addr));
        NettyRemotingClient anonymous = client(true, props(TlsSettings.TEST_MODE_ENABLE, "false"));
        assertThrows(RemotingException.class, () -> echo(anonymous, addr));
    }

    @Test
    void missingServerCertificateStopsStartWithTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> ServerTls.from(TlsSettings.load(props(
            TlsSettings.SERVER_MODE, "enforcing", TlsSettings.TEST_MODE_ENABLE, "false",
            TlsSettings.SERVER_CERT_PATH, dir.resolve("nope.crt").toString(), TlsSettings.SERVER_KEY_PATH, "x")),
            System.currentTimeMillis()));
        assertTrue(e.getMessage().contains(TlsSettings.SERVER_CERT_PATH), e.getMessage());
    }
}
