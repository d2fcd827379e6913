package dev.awsinventory.runners.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One logger of the job's console log, on stderr. Text lines look like SLF4J simple's ({@code
 * 12:00:01.234 WARN FetchResources - message}) followed by the MDC fields ({@code account_id=...
 * region=... table=...}); JSON lines are one object each with {@code time}, {@code level}, {@code
 * logger}, {@code message}, every MDC field and {@code error} (the stack trace) when there is one.
 */
final class ConsoleLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final String shortName;

  ConsoleLogger(String name) {
    this.name = name;
    this.shortName = name.substring(name.lastIndexOf('.') + 1);
  }

  @Override
  public boolean isTraceEnabled() {
    return LogSettings.enabled(name, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return LogSettings.enabled(name, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return LogSettings.enabled(name, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return LogSettings.enabled(name, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return LogSettings.enabled(name, Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Map<String, String> fields = mdc == null ? Map.of() : new TreeMap<>(mdc);
    Instant now = Instant.now();
    String line =
        LogSettings.json()
            ? json(now, level, message, fields, throwable)
            : text(now, level, message, fields, throwable);
    PrintStream err = System.err;
    synchronized (err) {
      err.println(line);
    }
  }

  private String text(
      Instant now, Level level, String message, Map<String, String> fields, Throwable t) {
    StringBuilder out =
        new StringBuilder(TIME.format(now))
            .append(' ')
            .append(level)
            .append(' ')
            .append(shortName)
            .append(" - ")
            .append(message);
    fields.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
    if (t != null) {
      out.append(System.lineSeparator()).append(stackTrace(t).stripTrailing());
    }
    return out.toString();
  }

  private String json(
      Instant now, Level level, String message, Map<String, String> fields, Throwable t) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", now.toString());
      g.writeStringField("level", level.toString());
      g.writeStringField("logger", name);
      g.writeStringField("message", message);
      for (Map.Entry<String, String> f : fields.entrySet()) {
        g.writeStringField(f.getKey(), f.getValue());
      }
      if (t != null) {
        g.writeStringField("error", stackTrace(t));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
