package org.mercurymq.console;

import com.sun.net.httpserver.HttpHandler;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.config.PidFile;
import org.mercurymq.console.login.LoginThrottle;
import org.mercurymq.console.login.Sessions;
import org.mercurymq.console.login.UsersFile;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.ToolsCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sh bin/mqconsole [-n namesrvAddr] [-p port] [-a bindAddress]}: starts the console and prints one line
 * with its URL when it serves. Defaults: {@code NAMESRV_ADDR}, port 8080 ({@code -Dconsole.port}), bound to
 * 127.0.0.1 ({@code -Dconsole.address}). Login is off unless {@code -Dconsole.login.enabled=true}, with the users
 * in {@code -Dconsole.login.usersFile} (docs/console.md, "Login"). The dashboard samples
 * every {@code -Dconsole.dashboard.periodSeconds} (60) for up to {@code -Dconsole.dashboard.maxTopics} (20) topics;
 * the groups' lag history every {@code -Dconsole.lag.periodSeconds} (60) for up to {@code -Dconsole.lag.maxGroups}
 * (50) groups; both keep 6 hours, also on disk under {@code -Dconsole.dataPath} so that they outlive a restart.
 */
public final class ConsoleStartup {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStartup.class);
    static final int DEFAULT_PORT = 8080;
    static final String LOGIN_ENABLED = "console.login.enabled";
    static final String LOGIN_USERS_FILE = "console.login.usersFile";
    static final String DATA_PATH = "console.dataPath";
    /** The dashboard keeps 6 hours of samples, at most this many. */
    static final int MAX_TREND_POINTS = 2_000;

    private ConsoleStartup() {
    }

    public static void main(String[] args) {
        String namesrv = System.getenv(DefaultMQAdminExt.NAMESRV_ADDR_ENV);
        String portText = System.getProperty("console.port", String.valueOf(DEFAULT_PORT));
        String address = System.getProperty("console.address", "127.0.0.1");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("-h".equals(a) || "--help".equals(a)) {
                usage();
                return;
            }
            if (i + 1 >= args.length || !("-n".equals(a) || "-p".equals(a) || "-a".equals(a))) {
                fail("unknown or incomplete option: " + a);
            }
            String v = args[++i];
            if ("-n".equals(a)) {
                namesrv = v;
            } else if ("-p".equals(a)) {
                portText = v;
            } else {
                address = v;
            }
        }
        if (namesrv == null || namesrv.isBlank()) {
            fail("no NameServer address: give -n host:9876 or set NAMESRV_ADDR");
        }
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            fail("port must be a number, not " + portText);
            return;
        }
        if (port < 0 || port > 65535) {
            fail("port must be between 0 and 65535, not " + port);
        }

        Duration period = Duration.ofMillis(Math.round(1000 * positive("console.dashboard.periodSeconds", 60)));
        int keep = (int) Math.min(MAX_TREND_POINTS, Duration.ofHours(6).toMillis() / period.toMillis());
        int maxTopics = (int) positive("console.dashboard.maxTopics", 20);
        Duration lagPeriod = Duration.ofMillis(Math.round(1000 * positive("console.lag.periodSeconds", 60)));
        int lagKeep = (int) Math.min(MAX_TREND_POINTS, Duration.ofHours(6).toMillis() / lagPeriod.toMillis());
        int maxGroups = (int) positive("console.lag.maxGroups", 50);

        Duration sessionIdle = Duration.ofMillis(Math.round(60_000 * positive("console.login.sessionIdleMinutes", 480)));
        Sessions sessions = new Sessions(Clock.systemUTC(), sessionIdle);
        Duration usersCheck = Duration.ofMillis(Math.round(1000 * positive("console.login.usersFileCheckSeconds", 5)));
        UsersFile login = loginUsers(sessions, usersCheck);

        // ACL credentials as mqadmin finds them: <ROCKETMQ_HOME or -Drocketmq.home.dir>/conf/tools.yml
        RPCHook acl = null;
        try {
            acl = ToolsCredentials.hook(System.getenv());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
        DefaultMQAdminExt admin = new DefaultMQAdminExt(acl);
        admin.setAdminExtGroup("mercury_console_admin_group");
        admin.setNamesrvAddr(namesrv);
        // pulls by offset for the query by time; TOOLS_CONSUMER as mqadmin's printMsg, never commits an offset
        DefaultMQPullConsumer pull = new DefaultMQPullConsumer(GroupNames.TOOLS_CONSUMER_GROUP, acl);
        pull.setNamesrvAddr(namesrv);
        pull.setInstanceName("mercury_console_pull_" + ProcessHandle.current().pid());
        DefaultMQProducer producer = new DefaultMQProducer(MessageSender.PRODUCER_GROUP, acl);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("mercury_console_producer_" + ProcessHandle.current().pid());
        HistoryDirectory history = historyDirectory(namesrv);
        long nowSeconds = Clock.systemUTC().millis() / 1000;
        long window = Duration.ofHours(6).toSeconds();
        DashboardSampler dashboard = new DashboardSampler(admin, Clock.systemUTC(), period,
            new TrendBuffer(keep, history.journal("dashboard-brokers"), nowSeconds - window),
            new TrendBuffer(keep, history.journal("dashboard-topics"), nowSeconds - window), maxTopics);
        LagSampler lagSampler = new LagSampler(admin, Clock.systemUTC(), lagPeriod,
            new TrendBuffer(lagKeep, history.journal("group-lag"), nowSeconds - window), maxGroups);
        HttpHandler api = new ApiRouter(new ClusterView(admin), new TopicView(admin), new ConsumerView(admin),
                new ClientRunningView(admin), new GroupAdmin(admin),
                new ProducerView(admin), new MessageView(admin), new MessageByTime(pull),
                new MessageTraceView(admin), new MessageResend(admin),
                new MessageSender(producer), dashboard, lagSampler);
        if (login != null) {
            api = new LoginGate(login, sessions, LoginThrottle.defaults(Clock.systemUTC()), api);
        }
        ConsoleServer server = new ConsoleServer(new InetSocketAddress(address, port), api, new StaticFiles());
        try {
            admin.start();
            pull.start();
            producer.start();
            server.start();
            dashboard.start();
            lagSampler.start();
        } catch (Exception e) {
            producer.shutdown();
            pull.shutdown();
            admin.shutdown();
            fail("cannot start the console on " + address + ":" + port + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.shutdown();
            lagSampler.shutdown();
            history.close();
            server.shutdown();
            producer.shutdown();
            pull.shutdown();
            admin.shutdown();
            String failure = PidFile.deleteOwn();
            if (failure != null) {
                LOG.warn("{}", failure);
            }
        }, "ConsoleShutdownHook"));
        String url = "http://" + address + ":" + server.port() + "/";
        LOG.info("console serving {} for NameServer {} ({})", url, namesrv,
            acl == null ? "requests unsigned: no conf/tools.yml credentials" : "requests signed with the conf/tools.yml credentials");
        System.out.println("Mercury console ready at " + url + " (NameServer " + namesrv + ")");
    }

    /**
     * The users when {@code -Dconsole.login.enabled=true}, read from {@code -Dconsole.login.usersFile} (default
     * {@code <-Drocketmq.home.dir or ROCKETMQ_HOME>/conf/console-users.properties}); null when login is off. A
     * missing, unreadable or malformed file stops the start with one line naming the key; later changes to the file
     * are read every {@code check} at most ({@link UsersFile}).
     */
    private static UsersFile loginUsers(Sessions sessions, Duration check) {
        String enabled = System.getProperty(LOGIN_ENABLED, "false").trim();
        if ("false".equalsIgnoreCase(enabled)) {
            return null;
        }
        if (!"true".equalsIgnoreCase(enabled)) {
            fail(LOGIN_ENABLED + " must be true or false, not " + enabled);
        }
        String file = System.getProperty(LOGIN_USERS_FILE);
        if (file == null || file.isBlank()) {
            String home = System.getProperty("rocketmq.home.dir", System.getenv("ROCKETMQ_HOME"));
            if (home == null || home.isBlank()) {
                fail(LOGIN_USERS_FILE + " is not set and neither -Drocketmq.home.dir nor ROCKETMQ_HOME gives a home"
                    + " for conf/console-users.properties");
            }
            file = Path.of(home, "conf", "console-users.properties").toString();
        }
        try {
            UsersFile users = UsersFile.open(Path.of(file.trim()), LOGIN_USERS_FILE, sessions, Clock.systemUTC(), check);
            LOG.info("console login on: {} users from {}, read again when it changes", users.users().size(), file.trim());
            return users;
        } catch (InvalidPathException e) {
            fail(LOGIN_USERS_FILE + ": not a path: " + file);
            return null;
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return null;
        }
    }

    /**
     * {@code -Dconsole.dataPath} (default {@code <user.home>/mercury-console/data}, as rocketmq-dashboard keeps its
     * data in files too); an empty value keeps the history in memory only.
     */
    private static HistoryDirectory historyDirectory(String namesrv) {
        String base = System.getProperty(DATA_PATH,
            Paths.get(System.getProperty("user.home"), "mercury-console", "data").toString());
        if (base.isBlank()) {
            LOG.info("trend history in memory only (-D{} is empty)", DATA_PATH);
            return HistoryDirectory.memoryOnly();
        }
        try {
            return HistoryDirectory.open(Paths.get(base.trim()), namesrv);
        } catch (InvalidPathException e) {
            fail(DATA_PATH + " is not a path: " + base);
            return HistoryDirectory.memoryOnly();
        }
    }

    /** A positive number from a system property, else {@code defaultValue}; anything else stops the start. */
    private static double positive(String property, double defaultValue) {
        String text = System.getProperty(property);
        if (text == null) {
            return defaultValue;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(property + " must be a positive number, not " + text);
        return defaultValue;
    }

    private static void usage() {
        System.out.println("usage: mqconsole [-n namesrvAddr] [-p port] [-a bindAddress]");
        System.out.println("  defaults: NAMESRV_ADDR, port " + DEFAULT_PORT + " (-Dconsole.port), 127.0.0.1 (-Dconsole.address)");
        System.out.println("  login: -D" + LOGIN_ENABLED + "=true with -D" + LOGIN_USERS_FILE
            + "=<file> (docs/console.md, \"Login\")");
        System.out.println("  trend history: -D" + DATA_PATH + "=<dir> (default ~/mercury-console/data; empty: memory only)");
    }

    private static void fail(String message) {
        PidFile.deleteOwn();
        System.err.println("mqconsole: " + message);
        System.exit(1);
    }
}
