package org.mercurymq.controller;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mqcontroller -c file [-p] [-h]}: a standalone controller peer on its own remoting port. Errors are
 * reported in one line and turned into exit code 1 in {@link #main} alone.
 */
public final class ControllerStartup {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerStartup.class);
    static final int RUNNING = -1;

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private ControllerManager controller;
    private NettyRemotingServer server;
    private ExecutorService defaultExecutor;

    ControllerStartup(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        ControllerStartup startup = new ControllerStartup(System.out, System.err);
        int exit = startup.run(args);
        if (exit != RUNNING) {
            System.exit(exit);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(startup::shutdown, "ControllerShutdownHook"));
        try {
            startup.terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Options options() {
        Options options = new Options();
        options.addOption("c", "configFile", true, "Controller config properties file");
        options.addOption("p", "printConfigItem", false, "Print all config items");
        options.addOption("h", "help", false, "Print help");
        return options;
    }

    int run(String[] args) {
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            err.println(e.getMessage());
            printUsage();
            return 1;
        }
        if (cmd.hasOption('h')) {
            printUsage();
            return 0;
        }
        ControllerConfig config;
        try {
            config = new ControllerConfig(loadConfig(cmd.getOptionValue('c')));
        } catch (ConfigException | IOException e) {
            err.println("Invalid controller configuration: " + e.getMessage());
            return 1;
        }
        if (cmd.hasOption('p')) {
            out.print(config.config().toPropertiesText());
            out.flush();
            return 0;
        }
        try {
            start(config);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("The Controller failed to start: {}", reason);
            err.println("The Controller failed to start: " + reason);
            shutdown();
            return 1;
        }
        String tip = "The Controller boot success. peer=" + config.get(ControllerConfig.RATIS_SELF_ID) + " listenPort="
            + server.localListenPort();
        LOG.info(tip);
        out.println(tip);
        out.flush();
        return RUNNING;
    }

    private void start(ControllerConfig config) throws IOException {
        controller = new ControllerManager(config, System::currentTimeMillis);
        server = new NettyRemotingServer(config.nettyServerConfig(), controller.channelEvents());
        defaultExecutor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000),
            new NamedThreadFactory("ControllerUnsupported", true));
        server.registerDefaultProcessor((channel, request) -> request.response(
            ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), "request type " + request.getCode() + " not supported"),
            defaultExecutor);
        controller.start(server);
        server.start();
    }

    synchronized void shutdown() {
        if (server != null) {
            server.shutdown();
        }
        if (controller != null) {
            controller.shutdown();
        }
        if (defaultExecutor != null) {
            defaultExecutor.shutdownNow();
        }
        terminated.countDown();
    }

    private Config loadConfig(String file) throws IOException {
        if (file == null) {
            return ControllerConfig.TABLE.defaults();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            props.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read config file " + file + ": " + e, e);
        }
        Config config = ControllerConfig.TABLE.parse(ControllerConfig.resolveAliases(props), warning -> {
            LOG.warn("{}: {}", file, warning);
            err.println("WARN " + file + ": " + warning);
        });
        LOG.info("load config properties file OK, {}", file);
        return config;
    }

    private void printUsage() {
        PrintWriter pw = new PrintWriter(out);
        new HelpFormatter().printHelp(pw, 110, "mqcontroller", null, options(), 1, 3, null, true);
        pw.flush();
    }
}
