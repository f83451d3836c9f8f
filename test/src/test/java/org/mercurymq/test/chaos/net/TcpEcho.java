package org.mercurymq.test.chaos.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A child-JVM tool for {@link NetworkLabTest}: {@code serve ADDR PORT} echoes one byte per connection until
 * killed (prints "listening" once bound); {@code probe ADDR PORT MS} connects with a timeout, sends one byte,
 * expects it back and exits 0, or exits 1 and prints why.
 */
public final class TcpEcho {
    private TcpEcho() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("serve")) {
            try (ServerSocket ss = new ServerSocket(Integer.parseInt(args[2]), 50, InetAddress.getByName(args[1]))) {
                System.out.println("listening on " + ss.getLocalSocketAddress());
                while (true) {
                    try (Socket s = ss.accept()) {
                        int b = s.getInputStream().read();
                        s.getOutputStream().write(b);
                    } catch (IOException e) {
                        System.out.println("connection failed: " + e);
                    }
                }
            }
        }
        int timeout = Integer.parseInt(args[3]);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(args[1], Integer.parseInt(args[2])), timeout);
            s.setSoTimeout(timeout);
            OutputStream out = s.getOutputStream();
            out.write(42);
            InputStream in = s.getInputStream();
            if (in.read() != 42) {
                System.out.println("probe: no echo");
                System.exit(1);
            }
            System.out.println("probe: ok");
        } catch (IOException e) {
            System.out.println("probe: " + e);
            System.exit(1);
        }
    }
}
