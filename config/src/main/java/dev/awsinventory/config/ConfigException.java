package dev.awsinventory.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A problem in a config file, located at file:line:column and a dotted key path. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public final String file;
  public final int line;
  public final int column;
  public final String key;
  private final String problem;

  public ConfigException(String file, int line, int column, String key, String problem) {
    super(format(file, line, column, key, problem));
    this.file = file;
    this.line = line;
    this.column = column;
    this.key = key == null ? "" : key;
    this.problem = oneLine(problem);
  }

  public ConfigException(Located<?> where, String key, String problem) {
    this(where.file(), where.line(), where.column(), key, problem);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String key() {
    return key;
  }

  public String problem() {
    return problem;
  }

  private static String format(String file, int line, int column, String key, String problem) {
    String where = file + ":" + line + ":" + column + ": ";
    String what = key == null || key.isEmpty() ? "" : key + ": ";
    return where + what + oneLine(problem);
  }

  /** Quoted values longer than this are shortened in messages. */
  static final int MAX_QUOTED = 200;

  private static final Pattern LONG_QUOTED = Pattern.compile("'([^']{" + (MAX_QUOTED + 1) + ",})'");

  /**
   * The problem on one line, each quoted value of more than {@value #MAX_QUOTED} characters cut to
   * its start and its length, so that a huge value does not make a huge message.
   */
  private static String oneLine(String text) {
    String line = String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    return LONG_QUOTED
        .matcher(line)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    "'"
                        + m.group(1).substring(0, MAX_QUOTED)
                        + "...' ("
                        + m.group(1).length()
                        + " characters)"));
  }
}
