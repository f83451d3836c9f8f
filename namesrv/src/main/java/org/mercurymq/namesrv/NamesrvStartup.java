package org.mercurymq.namesrv;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.config.PidFile;
import org.mercurymq.common.config.StartupFailure;
import org.mercurymq.common.config.UnsupportedSecurityKeys;
import org.mercurymq.controller.ControllerConfig;
import org.mercurymq.metrics.MetricsConfigKeys;
import org.mercurymq.metrics.MetricsExporterType;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mqnamesrv [-c file] [-n addr (ignored)] [-p] [-h]}: parses the command line and config file, prints the effective config
 * ({@code -p}) or starts a {@link NamesrvController} and prints RocketMQ's boot line. Errors are reported in one
 * line and turned into exit code 1 in {@link #main} alone.
 */
public final class NamesrvStartup {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvStartup.class);
    /** {@link #run} result meaning "the name server is running". */
    static final int RUNNING = -1;

    private final PrintStream out;
    private final PrintStream err;
    private NamesrvController controller;

    NamesrvStartup(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        NamesrvStartup startup = new NamesrvStartup(System.out, System.err);
        int exit = startup.run(args);
        if (exit != RUNNING) {
            // a failed start leaves no pid file behind for mqshutdown to trip over (docs/deployment.md)
            deletePidFile();
            System.exit(exit);
        }
        NamesrvController running = startup.controller;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.shutdown();
            deletePidFile();
        }, "NamesrvShutdownHook"));
        try {
            // every server thread is a daemon: keep the JVM alive until shutdown
            running.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deletePidFile() {
        String failure = PidFile.deleteOwn();
        if (failure != null) {
            LOG.warn("{}", failure);
        }
    }

    static Options options() {
        Options options = new Options();
        options.addOption("c", "configFile", true, "Name server config properties file");
        // RocketMQ's mqnamesrv accepts -n (its shared server options) and ignores it
        options.addOption("n", "namesrvAddr", true, "Accepted for compatibility with RocketMQ and ignored");
        options.addOption("p", "printConfigItem", false, "Print all config items");
        options.addOption("h", "help", false, "Print help");
        return options;
    }

    /** Returns an exit code (0 after -h/-p, 1 on error) or {@link #RUNNING} when the name server was started. */
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
        Config parsed;
        try {
            parsed = loadConfig(cmd.getOptionValue('c'));
        } catch (ConfigException | IOException e) {
            err.println("Invalid name server configuration: " + e.getMessage());
            return 1;
        }
        NamesrvConfig config = new NamesrvConfig(parsed);
        if (cmd.hasOption('n')) {
            LOG.warn("-n {} ignored: a name server does not use name-server addresses (RocketMQ ignores it too)",
                cmd.getOptionValue('n'));
        }
        for (String line : NamesrvConfig.TABLE.notHonouredSettings(parsed)) {
            LOG.warn("{}", line);
            err.println("WARN " + line);
        }
        if (cmd.hasOption('p')) {
            out.print(parsed.toPropertiesText());
            out.flush();
            return 0;
        }
        NamesrvController c = new NamesrvController(config);
        try {
            c.start();
        } catch (IOException | RuntimeException e) {
            Map<Integer, String> keyByPort = new LinkedHashMap<>();
            keyByPort.put(config.get(NamesrvConfig.LISTEN_PORT), "listenPort");
            if (config.get(MetricsConfigKeys.METRICS_EXPORTER_TYPE) == MetricsExporterType.PROM) {
                keyByPort.putIfAbsent(config.get(MetricsConfigKeys.METRICS_PROM_EXPORTER_PORT),
                    "metricsPromExporterPort (the Prometheus endpoint, metricsExporterType=PROM)");
            }
            String expected = StartupFailure.of(keyByPort, null).explain(e);
            if (expected != null) {
                // one line naming the key on the console; the details go to the log file only
                LOG.warn("The Name Server failed to start: {}", expected, e);
                err.println("The Name Server failed to start: " + expected);
                return 1;
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("The Name Server failed to start: {}", reason);
            err.println("The Name Server failed to start: " + reason);
            return 1;
        }
        controller = c;
        String tip = "The Name Server boot success. serializeType=" + RemotingCommand.defaultSerializeType();
        LOG.info(tip);
        out.println(tip);
        out.flush();
        return RUNNING;
    }

    private Config loadConfig(String file) throws IOException {
        if (file == null) {
            return NamesrvConfig.TABLE.defaults();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            props.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read config file " + file + ": " + e, e);
        }
        UnsupportedSecurityKeys.check(props);
        Config config = NamesrvConfig.TABLE.parse(ControllerConfig.resolveAliases(props), warning -> {
            LOG.warn("{}: {}", file, warning);
            err.println("WARN " + file + ": " + warning);
        });
        LOG.info("load config properties file OK, {}", file);
        return config;
    }

    private void printUsage() {
        PrintWriter pw = new PrintWriter(out);
        new HelpFormatter().printHelp(pw, 110, "mqnamesrv", null, options(), 1, 3, null, true);
        pw.flush();
    }

    /** The started controller (tests). */
    NamesrvController controller() {
        return controller;
    }
}
