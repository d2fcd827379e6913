package dev.awsinventory.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * {@code --log-level} and {@code --log-format}, applied before anything logs: they become the
 * system properties {@code aws-inventory.log.level} and {@code aws-inventory.log.format} that the
 * runnable jar's console log reads (see {@code dev.awsinventory.runners.logging}).
 */
final class LogOptions {
  static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");
  static final List<String> FORMATS = List.of("text", "json");

  private LogOptions() {}

  /**
   * Sets the properties from the command line; returns the one-line error of a bad value, else
   * null.
   */
  static String apply(String[] args) {
    for (String arg : args) {
      String level = value(arg, "--log-level=", "--logLevel=");
      if (level != null) {
        if (!LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
          return "--log-level=" + level + ": expected one of " + String.join(", ", LEVELS);
        }
        System.setProperty("aws-inventory.log.level", level.toLowerCase(Locale.ROOT));
      }
      String format = value(arg, "--log-format=", "--logFormat=");
      if (format != null) {
        if (!FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
          return "--log-format=" + format + ": expected text or json";
        }
        System.setProperty("aws-inventory.log.format", format.toLowerCase(Locale.ROOT));
      }
    }
    return null;
  }

  private static String value(String arg, String... prefixes) {
    for (String p : prefixes) {
      if (arg.startsWith(p)) {
        return arg.substring(p.length());
      }
    }
    return null;
  }
}
