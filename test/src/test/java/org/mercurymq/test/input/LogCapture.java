package org.mercurymq.test.input;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures the log events of the daemons running in this JVM (all loggers under {@code org.mercurymq}) from
 * {@link #start} to {@link #close}, at the level given. Not thread-safe to start/close concurrently.
 */
final class LogCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.mercurymq");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    private LogCapture(Level level) {
        previous = logger.getLevel();
        appender.start();
        logger.setLevel(level);
        logger.addAppender(appender);
    }

    static LogCapture start(Level level) {
        return new LogCapture(level);
    }

    List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return new ArrayList<>(appender.list);
        }
    }

    /** Events that carry a stack trace or are logged at ERROR, one line each for an assertion message. */
    String problems() {
        return events().stream()
            .filter(e -> e.getThrowableProxy() != null || e.getLevel() == Level.ERROR
                || e.getFormattedMessage().matches("(?s).*\\b\\w+(Exception|Error)\\b.*"))
            .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " [stack trace " + e.getThrowableProxy().getClassName() + "]"))
            .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        appender.stop();
    }
}
