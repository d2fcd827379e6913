package dev.awsinventory.runners.logging;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * The log level and format of the job's console log. Read on every call from system properties, so
 * the job can set them from its options after logging has started: {@code aws-inventory.log.level}
 * (error, warn, info, debug, trace; also SLF4J simple's {@code
 * org.slf4j.simpleLogger.defaultLogLevel}) and {@code aws-inventory.log.format} ({@code text} or
 * {@code json}). Libraries that are chatty below warn (Beam, the AWS SDK, the HTTP client, the
 * embedded PostgreSQL, Flink) log from warn at every level: their debug output includes request and
 * response bodies, and so credentials. Flink's metric groups log from error: at warn they print one
 * line per task and slot (864 lines at {@code --parallelism=48}) saying that a step's name was cut
 * to 80 characters for a metric's name.
 */
final class LogSettings {
  static final String LEVEL = "aws-inventory.log.level";
  static final String FORMAT = "aws-inventory.log.format";
  static final String SIMPLE_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final Map<String, Level> QUIET =
      Map.of(
          "org.apache.beam", Level.WARN,
          "org.apache.hc", Level.WARN,
          "software.amazon.awssdk", Level.WARN,
          "io.zonky", Level.WARN,
          "org.apache.flink", Level.WARN,
          // one warning per task and slot that a step's name is longer than Flink's metric names
          "org.apache.flink.metrics.MetricGroup", Level.ERROR);

  private LogSettings() {}

  static Level level() {
    String name = System.getProperty(LEVEL, System.getProperty(SIMPLE_LEVEL, "info"));
    try {
      return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Level.INFO;
    }
  }

  static boolean json() {
    return "json".equalsIgnoreCase(System.getProperty(FORMAT, "text"));
  }

  /**
   * Whether a logger prints at this level: the global level, raised to warn for chatty libraries.
   */
  static boolean enabled(String logger, Level level) {
    Level threshold = level();
    for (Map.Entry<String, Level> q : QUIET.entrySet()) {
      if (logger.startsWith(q.getKey()) && q.getValue().toInt() > threshold.toInt()) {
        threshold = q.getValue();
      }
    }
    return level.toInt() >= threshold.toInt();
  }
}
