package org.mercurymq.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.config.PidFile;
import org.mercurymq.common.config.StartupFailure;
import org.mercurymq.metrics.MetricsConfigKeys;
import org.mercurymq.metrics.MetricsExporterType;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mqbroker [-n addr] [-c file] [-p | -m] [-h] [key=value ...]}: builds the configuration (defaults &lt;
 * file &lt; command line), prints it ({@code -p} all keys, {@code -m} the important ones) or starts a
 * {@link BrokerController} and prints RocketMQ's boot line. SIGTERM shuts the broker down gracefully and
 * deletes the pid file named by {@code -Dmercury.pid.file}. Errors are one line and become exit code 1 in
 * {@link #main} alone. Not thread-safe: one instance runs one command line.
 */
public final class BrokerStartup {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerStartup.class);
    /** {@link #run} result meaning "the broker is running". */
    static final int RUNNING = -1;
    /**
     * System property that conf/logback_broker.xml prints in every line ({@code %property{...}}), so the logs of
     * several brokers on one host tell them apart; "-" until the configuration names the broker.
     */
    public static final String LOG_BROKER_NAME_PROPERTY = "mercury.brokerName";

    private final PrintStream out;
    private final PrintStream err;
    private final BrokerConfigLoader loader;
    private BrokerController controller;

    BrokerStartup(PrintStream out, PrintStream err, BrokerConfigLoader loader) {
        this.out = out;
        this.err = err;
        this.loader = loader;
    }

    public static void main(String[] args) {
        System.setProperty(LOG_BROKER_NAME_PROPERTY, "-");
        BrokerStartup startup = new BrokerStartup(System.out, System.err, new BrokerConfigLoader());
        int exit = startup.run(args);
        if (exit != RUNNING) {
            // a failed start leaves no pid file behind for mqshutdown to trip over (docs/deployment.md)
            deletePidFile();
            System.exit(exit);
        }
        BrokerController running = startup.controller;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutdown hook: stopping the broker");
            running.shutdown();
            deletePidFile();
            LOG.info("broker stopped");
        }, "BrokerShutdownHook"));
        try {
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
        options.addOption("n", "namesrvAddr", true, "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'");
        options.addOption("c", "configFile", true, "Broker config properties file");
        options.addOption("p", "printConfigItem", false, "Print all config items");
        options.addOption("m", "printImportantConfig", false, "Print important config items");
        options.addOption("h", "help", false, "Print help");
        return options;
    }

    /** Returns an exit code (0 after -h/-p/-m, 1 on error) or {@link #RUNNING} when the broker was started. */
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
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : cmd.getArgs()) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                err.println("Invalid argument '" + arg + "': expected key=value");
                printUsage();
                return 1;
            }
            overrides.put(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
        }
        if (cmd.hasOption('n')) {
            overrides.put(BrokerConfigKeys.NAMESRV_ADDR.name(), cmd.getOptionValue('n'));
        }
        String file = cmd.getOptionValue('c');
        BrokerConfig config;
        try {
            config = loader.load(file == null ? null : Path.of(file), overrides, warning -> {
                LOG.warn("{}", warning);
                err.println("WARN " + warning);
            });
        } catch (ConfigException | IOException e) {
            err.println("Invalid broker configuration: " + e.getMessage());
            return 1;
        }
        System.setProperty(LOG_BROKER_NAME_PROPERTY, config.brokerName());
        for (String line : BrokerConfig.TABLE.notHonouredSettings(config.config())) {
            LOG.warn("{}", line);
            err.println("WARN " + line);
        }
        if (cmd.hasOption('p')) {
            out.print(config.config().toPropertiesText());
            out.flush();
            return 0;
        }
        if (cmd.hasOption('m')) {
            Map<String, String> all = config.config().toMap();
            for (String key : BrokerConfigLoader.IMPORTANT_KEYS) {
                out.println(key + "=" + all.getOrDefault(key, ""));
            }
            out.flush();
            return 0;
        }
        BrokerController c = new BrokerController(config, java.time.Clock.systemDefaultZone(),
            BrokerFaults.exitingProcess(), file == null ? null : Path.of(file));
        try {
            c.start();
        } catch (IOException | RuntimeException | Error e) {
            String expected = expectedFailures(config).explain(e);
            if (expected != null) {
                // the operator fixes this with one key: one line on the console, the details in the log file only
                LOG.warn("The broker failed to start: {}", expected, e);
                err.println("The broker failed to start: " + expected);
                return 1;
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("The broker failed to start: {}", reason, e);
            err.println("The broker failed to start: " + reason);
            return 1;
        }
        controller = c;
        String tip = "The broker[" + config.brokerName() + ", " + config.brokerIP1() + ":" + c.listenPort()
            + "] boot success. serializeType=" + RemotingCommand.defaultSerializeType();
        if (config.namesrvAddr() != null && !config.namesrvAddr().isEmpty()) {
            tip += " and name server is " + config.namesrvAddr();
        }
        LOG.info(tip);
        out.println(tip);
        out.flush();
        return RUNNING;
    }

    /** The broker's ports and store, each with the key that moves it. */
    static StartupFailure expectedFailures(BrokerConfig config) {
        Map<Integer, String> keyByPort = new LinkedHashMap<>();
        int port = config.listenPort();
        keyByPort.put(port, "listenPort (the broker also uses listenPort-2 and haListenPort)");
        keyByPort.put(port - 2, "listenPort (the broker's VIP port is listenPort-2)");
        keyByPort.put(config.haListenPort(), "haListenPort (default listenPort+1)");
        if (config.get(MetricsConfigKeys.METRICS_EXPORTER_TYPE) == MetricsExporterType.PROM) {
            keyByPort.putIfAbsent(config.get(MetricsConfigKeys.METRICS_PROM_EXPORTER_PORT),
                "metricsPromExporterPort (the Prometheus endpoint, metricsExporterType=PROM)");
        }
        return StartupFailure.of(keyByPort, "storePathRootDir (and storePathCommitLog)");
    }

    private void printUsage() {
        PrintWriter pw = new PrintWriter(out);
        new HelpFormatter().printHelp(pw, 110, "mqbroker", null, options(), 1, 3, null, true);
        pw.flush();
    }

    /** The started controller (tests). */
    BrokerController controller() {
        return controller;
    }
}
