package dev.awsinventory.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Expands {@code ${NAME}} (an environment variable) and {@code ${file:PATH}} (a file's text, PATH
 * relative to the config file's folder, trailing line breaks removed) in the text of a config
 * before it is parsed as YAML, as CloudQuery does: a variable may hold a list or a map ({@code
 * accounts: ${ACCOUNTS}}). Placeholders inside YAML comments are left alone. The result maps every
 * position of the expanded text back to the original file (a position inside an inserted value maps
 * to its placeholder), and removes inserted values from error messages.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\r\\n]*)}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern KEY_ON_LINE =
      Pattern.compile("^\\s*(?:-\\s+)?([\\w.-]+)\\s*:(?:\\s|$)");

  /** One inserted value: where it is in the expanded text and which placeholder it replaced. */
  record Insert(
      int start, int end, int originalStart, int originalEnd, String placeholder, String value) {}

  private final String fileName;
  private final String original;
  private final String text;
  private final int[] originalLineStarts;
  private final int[] lineStarts;
  private final List<Insert> inserts;
  private List<Path> filesRead = List.of();
  private ConfigException failure;
  private int failureOffset = -1;

  private Placeholders(String fileName, String original, String text, List<Insert> inserts) {
    this.fileName = fileName;
    this.original = original;
    this.text = text;
    this.originalLineStarts = lineStarts(original);
    this.lineStarts = lineStarts(text);
    this.inserts = List.copyOf(inserts);
  }

  /** The file's text unchanged, for files read without expansion. */
  static Placeholders none(String fileName, String text) {
    return new Placeholders(fileName, text, text, List.of());
  }

  /**
   * Expands the placeholders of {@code original}. An undefined variable, an unreadable file or
   * another {@code ${...}} form is kept as {@link #failure()}, located at the placeholder; its
   * message never holds a value.
   */
  static Placeholders expand(
      String fileName, String original, Map<String, String> env, Path folder) {
    StringBuilder out = new StringBuilder(original.length());
    List<Insert> inserts = new ArrayList<>();
    List<Path> filesRead = new ArrayList<>();
    int[] originalLineStarts = lineStarts(original);
    int copied = 0;
    ConfigException failure = null;
    int failureOffset = -1;
    for (int lineStart = 0; lineStart < original.length(); ) {
      int lineEnd = original.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 ? original.length() : lineEnd + 1;
      int codeEnd = commentStart(original, lineStart, lineEnd);
      Matcher m = PLACEHOLDER.matcher(original).region(lineStart, codeEnd);
      while (m.find()) {
        String value;
        try {
          value =
              value(
                  m.group(1),
                  env,
                  folder,
                  filesRead,
                  () -> error(fileName, original, originalLineStarts, m.start()));
        } catch (ConfigException e) {
          if (failure == null) {
            failure = e;
            failureOffset = out.length() + (m.start() - copied);
          }
          value = "_";
        }
        out.append(original, copied, m.start());
        int start = out.length();
        out.append(value);
        inserts.add(new Insert(start, out.length(), m.start(), m.end(), m.group(), value));
        copied = m.end();
      }
      lineStart = lineEnd;
    }
    out.append(original, copied, original.length());
    Placeholders p = new Placeholders(fileName, original, out.toString(), inserts);
    p.failure = failure;
    p.failureOffset = failureOffset;
    p.filesRead = List.copyOf(filesRead);
    return p;
  }

  /**
   * The first placeholder that could not be expanded (it was replaced by {@code _} so that the YAML
   * can still be parsed to name the field it is in), with its offset in {@link #text}.
   */
  ConfigException failure() {
    return failure;
  }

  int failureOffset() {
    return failureOffset;
  }

  /** 0-based offset in {@link #text} of a 0-based line and column. */
  int offset(int line, int column) {
    return line < lineStarts.length ? lineStarts[line] + column : text.length();
  }

  /** The text to parse. */
  String text() {
    return text;
  }

  /** 1-based line and column in the original file of a 0-based line and column of {@link #text}. */
  int[] originalPosition(int line, int column) {
    if (inserts.isEmpty() || line >= lineStarts.length) {
      return new int[] {line + 1, column + 1};
    }
    int offset = lineStarts[line] + column;
    int original = offset;
    for (Insert i : inserts) {
      if (i.start > offset) {
        break;
      }
      original = offset < i.end ? i.originalStart : offset - i.end + i.originalEnd;
    }
    return position(originalLineStarts, original);
  }

  /**
   * {@code problem} with every inserted value replaced by {@code <value of ${NAME}>}, so that no
   * variable's or file's content is printed: a value (or one line of it) of 3 characters or more
   * wherever it appears, whatever characters it holds (quotes too); a shorter one where it stands
   * between quotes ({@code got 'ab'}), as messages quote the values they show. Longer values are
   * matched first, and one pass replaces them all, so no mask is itself masked.
   */
  String redact(String problem) {
    return redact(problem, 0, 0, "");
  }

  /**
   * As {@link #redact(String)}, and {@code scalar} (the text of the node that {@code [start, end)}
   * of {@link #text} holds) masked too when an inserted value is part of it, so that a value of 1-2
   * characters inside a longer text ({@code x${PW}} read as {@code 'x3'}) is not shown either.
   */
  String redact(String problem, int start, int end, String scalar) {
    if (inserts.isEmpty() || problem == null) {
      return problem;
    }
    Map<String, String> placeholderOf = new HashMap<>();
    List<String> within =
        inserts.stream()
            .filter(i -> i.start < end && start < i.end)
            .map(Insert::placeholder)
            .toList();
    for (Insert i : inserts) {
      for (String part : Stream.concat(Stream.of(i.value), i.value.lines()).toList()) {
        String v = part.strip();
        if (!v.isEmpty()) {
          placeholderOf.putIfAbsent(v, "value of " + i.placeholder);
        }
      }
    }
    if (!within.isEmpty() && !scalar.isBlank()) {
      placeholderOf.putIfAbsent(scalar.strip(), "a text holding " + String.join(", ", within));
    }
    String alternatives =
        placeholderOf.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(
                v ->
                    v.length() >= 3
                        ? Pattern.quote(v)
                        : "(?<=['\"])" + Pattern.quote(v) + "(?=['\"])")
            .collect(Collectors.joining("|"));
    Matcher m = Pattern.compile(alternatives).matcher(problem);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("<" + placeholderOf.get(m.group()) + ">"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The files that {@code ${file:PATH}} placeholders read, absolute, in the order of the text. */
  List<Path> filesRead() {
    return filesRead;
  }

  /** The inserted values, in the order of the text. */
  List<Insert> inserts() {
    return inserts;
  }

  /** The inserted value that holds {@code offset} of {@link #text}, if any. */
  java.util.Optional<Insert> insertAt(int offset) {
    return inserts.stream().filter(i -> i.start <= offset && offset < i.end).findFirst();
  }

  /**
   * An error located at the placeholder of {@code insert}, under the key written before it on its
   * line; {@code problem} is taken as given (it must not hold the value).
   */
  ConfigException errorAt(Insert insert, String problem) {
    return error(fileName, original, originalLineStarts, insert.originalStart).at(problem);
  }

  private interface Failure {
    ConfigException at(String problem);
  }

  private static String value(
      String inside,
      Map<String, String> env,
      Path folder,
      List<Path> filesRead,
      java.util.function.Supplier<Failure> where)
      throws ConfigException {
    if (inside.startsWith("file:")) {
      String path = inside.substring("file:".length()).trim();
      if (path.isEmpty()) {
        throw where.get().at("${file:} needs a path");
      }
      Path file = folder.resolve(path);
      filesRead.add(file.toAbsolutePath().normalize());
      try {
        return TextFiles.read(file).replaceAll("[\\r\\n]+$", "");
      } catch (TextFiles.Unreadable e) {
        throw where.get().at(e.getMessage() + ": " + file);
      }
    }
    if (!VARIABLE_NAME.matcher(inside).matches()) {
      throw where
          .get()
          .at(
              "unsupported placeholder '${"
                  + inside
                  + "}'; use ${NAME} for an"
                  + " environment variable or ${file:PATH} for a file's text");
    }
    String value = env.get(inside);
    if (value == null) {
      throw where.get().at("undefined environment variable '" + inside + "'");
    }
    return value;
  }

  private static Failure error(String fileName, String original, int[] starts, int offset) {
    int[] at = position(starts, offset);
    int lineStart = starts[at[0] - 1];
    Matcher key = KEY_ON_LINE.matcher(original.substring(lineStart, offset));
    String field = key.find() ? key.group(1) : "";
    return problem -> new ConfigException(fileName, at[0], at[1], field, problem);
  }

  /**
   * Where the comment of the line {@code [start, end)} begins ({@code end} when none): a {@code #}
   * at the start or after a blank, outside quotes.
   */
  private static int commentStart(String s, int start, int end) {
    char quote = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      char before = i == start ? ' ' : s.charAt(i - 1);
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < end && s.charAt(i + 1) == '\'') {
            i++;
          } else {
            quote = 0;
          }
        }
      } else if (quote == '"') {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quote = 0;
        }
      } else if (c == '#' && Character.isWhitespace(before)) {
        return i;
      } else if ((c == '\'' || c == '"')
          && (Character.isWhitespace(before) || "[{,:".indexOf(before) >= 0)) {
        quote = c;
      }
    }
    return end;
  }

  private static int[] lineStarts(String s) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  private static int[] position(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    int line = i >= 0 ? i : -i - 2;
    return new int[] {line + 1, offset - starts[line] + 1};
  }

  String fileName() {
    return fileName;
  }
}
