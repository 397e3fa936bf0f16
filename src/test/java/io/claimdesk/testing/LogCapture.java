package io.claimdesk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Captures every log record of the running application (all loggers, all levels the application logs at),
 * with the MDC as it was when the record was made. Added to the root logger of the JBoss LogManager.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One captured record: logger, level, the formatted message with its throwable chain, and the MDC. */
    public record Line(String logger, Level level, String text, String function, String orderId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder();
        String function = null;
        String orderId = null;
        if (record instanceof ExtLogRecord ext) {
            text.append(ext.getFormattedMessage());
            function = ext.getMdc("function");
            orderId = ext.getMdc("orderId");
            text.append(" mdc=").append(ext.getMdcCopy());
        } else {
            text.append(record.getMessage());
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
            for (Throwable s : t.getSuppressed()) {
                text.append(" | ").append(s);
            }
        }
        lines.add(new Line(record.getLoggerName(), record.getLevel(), text.toString(), function, orderId));
    }

    public List<Line> lines() {
        return new ArrayList<>(lines);
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
