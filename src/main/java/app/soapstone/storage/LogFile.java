package app.soapstone.storage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.OnPrintStreamStatusListenerBase;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * soapstone.log beside the database, created only once the database is accepted. Until then
 * Soapstone's log lines are held in memory: a database that is refused gets no log file beside it
 * (its one-line error says everything), an accepted one gets them written first.
 *
 * <p>Spring Boot sets up logging before the database can be checked, so this runs right after it
 * and takes logging over: Boot's appenders (its console appender among them) are replaced by one
 * that holds the lines, and nothing prints logback's reports on itself. Nothing is ever logged to
 * the console: on a full disk every write to the log fails, and each failure used to reach the
 * terminal as a stack trace.
 */
public final class LogFile implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** How many lines are held before the database is accepted; a start logs a handful. */
    static final int HELD_LINES = 1_000;
    /** At start, a log larger than this is moved to soapstone.log.1 (replacing the one before). */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final String HELD = "soapstone-held";
    private static final String FILE = "soapstone-file";

    /** The log file of the database being started, to keep the held lines in after an unexpected failure. */
    private static volatile Path intended;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String folder = event.getEnvironment().getProperty(StorageEnvironment.FOLDER_PROPERTY);
        hold(folder == null ? null : new DataLocation(Path.of(folder), null, null).logFile());
    }

    /** Detaches every appender and every status listener that prints, and holds log lines from now on. */
    static synchronized void hold(Path logFile) {
        LoggerContext context = logback();
        if (context == null) {
            return;
        }
        intended = logFile;
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        // Logback reports its own troubles - every failed write to a log on a full disk, with a stack
        // trace - to its status listeners, and Boot adds one that prints them on stderr.
        StatusManager status = context.getStatusManager();
        for (StatusListener listener : status.getCopyOfStatusListenerList()) {
            if (listener instanceof OnPrintStreamStatusListenerBase printing) {
                status.remove(printing);
                printing.stop();
            }
        }
        Held held = new Held();
        held.setContext(context);
        held.setName(HELD);
        held.start();
        root.addAppender(held);
    }

    /** The database is accepted: the log goes to {@code file} (owner-only), held lines first. */
    public static synchronized void open(Path file) {
        LoggerContext context = logback();
        if (context == null) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<ILoggingEvent> held = List.of();
        if (root.getAppender(HELD) instanceof Held holding) {
            held = holding.events();
            root.detachAppender(holding);
            holding.stop();
        }
        if (root.getAppender(FILE) instanceof FileAppender<ILoggingEvent> previous) {
            root.detachAppender(previous);
            previous.stop();
        }
        intended = null;
        FileAppender<ILoggingEvent> appender = fileAppender(context, file);
        if (appender == null) {
            return; // no log rather than a log on the console
        }
        held.forEach(appender::doAppend);
        root.addAppender(appender);
    }

    /**
     * After Soapstone failed to start for an unexpected reason (not a refused database): writes
     * the held lines to the log file, if its folder exists, and says where.
     */
    public static synchronized Optional<Path> keepHeld() {
        Path file = intended;
        if (file == null || file.getParent() == null || !Files.isDirectory(file.getParent())) {
            return Optional.empty();
        }
        open(file);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        try {
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            PrivateFiles.createNew(file);
        } catch (FileAlreadyExistsException e) {
            // Kept from earlier runs.
        } catch (IOException e) {
            return null;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5level " + ProcessHandle.current().pid()
                + " --- [%thread] %logger{39} : %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(FILE);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender.isStarted() ? appender : null;
    }

    private static LoggerContext logback() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? context : null;
    }

    /** Log lines kept in memory until the database is accepted; the oldest go first when there are too many. */
    private static final class Held extends AppenderBase<ILoggingEvent> {

        private final ArrayDeque<ILoggingEvent> events = new ArrayDeque<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.addLast(event);
            if (events.size() > HELD_LINES) {
                events.removeFirst();
            }
        }

        synchronized List<ILoggingEvent> events() {
            return List.copyOf(events);
        }
    }
}
