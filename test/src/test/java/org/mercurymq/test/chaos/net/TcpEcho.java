package org.mercurymq.test.chaos.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A child-JVM tool for {@link NetworkLabTest}: {@code TcpEcho ADDR PORT} listens on ADDR:PORT, prints
 * "listening" once bound, and echoes one byte per connection until killed.
 */
public final class TcpEcho {
    private TcpEcho() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket ss = new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getByName(args[0]))) {
            System.out.println("listening on " + ss.getLocalSocketAddress());
            while (true) {
                try (Socket s = ss.accept()) {
                    int b = s.getInputStream().read();
                    if (b >= 0) {
                        s.getOutputStream().write(b);
                    }
                } catch (IOException e) {
                    System.out.println("connection failed: " + e);
                }
            }
        }
    }
}
