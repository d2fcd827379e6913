package dev.awsinventory.pipeline;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.runners.direct.DirectOptions;

/**
 * Checks this tool's command-line options before anything else runs, so that a bad value is one
 * line and exit 1 at once, never a value silently taken as another (a misspelt {@code --fail-on}
 * acting as {@code partial}) nor a failure later in the run (a negative slice timeout failing every
 * slice).
 */
final class OptionChecks {
  private static final Set<String> REPORT = Set.of("true", "false", "only");

  /** Options with a value that may also be given alone, meaning {@code true}: {@code --report}. */
  private static final Set<String> FLAGS = Set.of("report");

  /**
   * The options checked here: this tool's own and the DirectRunner's ({@code --targetParallelism},
   * which the README documents and {@link RunnerChoice} sets).
   */
  private static final List<Class<?>> CHECKED =
      List.of(InventoryOptions.class, DirectOptions.class);

  /**
   * Whole-number options of other runners that the README documents, with their least value,
   * checked here from the raw argument (their runner's classes may not be on the class path):
   * Flink's {@code --parallelism}, which Flink refuses only once the job has started, in its own
   * words ("Parallelism must be at least one"), and which sizes the embedded cluster's memory.
   */
  private static final Map<String, Integer> RUNNER_MINIMUMS = Map.of("parallelism", 1);

  private OptionChecks() {}

  /**
   * Checks one raw argument ({@code --name=value}, name in Beam's camel case) whose option is one
   * of {@link InventoryOptions}' own, the DirectRunner's or one of the {@link #RUNNER_MINIMUMS}: a
   * number or a boolean must parse as one (and a runner's number be at least its least value), and
   * a {@link FailOn} must not be empty (Beam would refuse it in its own words; a misspelt one Beam
   * refuses through {@link FailOn#parse}).
   *
   * @throws IllegalArgumentException naming the option as the user wrote it, and what it expects
   */
  static void checkType(String camelArg) {
    int eq = camelArg.indexOf('=');
    if (!camelArg.startsWith("--") || eq < 0) {
      return;
    }
    String name = camelArg.substring(2, eq);
    String value = camelArg.substring(eq + 1);
    Class<?> type = ownType(name);
    if (type == String.class && value.isEmpty() && !FLAGS.contains(name)) {
      throw needsValue(name, "VALUE");
    }
    if (type == int.class || type == long.class) {
      long number;
      try {
        number = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw bad(name, value, "expected a whole number");
      }
      if (type == int.class && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
        throw bad(name, value, "expected a whole number up to " + Integer.MAX_VALUE);
      }
      Integer min = RUNNER_MINIMUMS.get(name);
      if (min != null && number < min) {
        throw bad(name, value, "must be at least " + min);
      }
    } else if (type == boolean.class
        && !value.equalsIgnoreCase("true")
        && !value.equalsIgnoreCase("false")) {
      throw bad(name, value, "expected true or false");
    } else if (type == FailOn.class && value.isEmpty()) {
      FailOn.parse(value);
    }
  }

  /**
   * Checks that one raw argument ({@code --name}, name in Beam's camel case) of one of the {@link
   * #CHECKED} options that take a value has one: Beam would take {@code --config} alone as the
   * value "true", and {@code --config file} as an option without a value and a stray "file".
   *
   * @param next the argument after it, or null
   * @throws IllegalArgumentException naming the option and showing it with its value
   */
  static void checkHasValue(String camelArg, String next) {
    if (!camelArg.startsWith("--") || camelArg.indexOf('=') >= 0) {
      return;
    }
    String name = camelArg.substring(2);
    Class<?> type = ownType(name);
    if (type == null || type == boolean.class || type == Boolean.class || FLAGS.contains(name)) {
      return;
    }
    throw needsValue(name, next != null && !next.startsWith("--") ? next : "VALUE");
  }

  private static BadValue needsValue(String name, String shown) {
    return new BadValue(
        "--" + kebab(name) + " needs a value, given as --" + kebab(name) + "=" + shown);
  }

  /**
   * Checks that one of the {@link #CHECKED} options is not given twice: Beam would refuse it in its
   * own words ("expected one element but was: <a, b>"), and which of the two the user meant is
   * theirs to say.
   *
   * @param camelArg one raw argument, name in Beam's camel case
   * @param seen the names of the options met so far, to which this one is added
   * @throws IllegalArgumentException naming the option
   */
  static void checkOnce(String camelArg, Set<String> seen) {
    if (!camelArg.startsWith("--")) {
      return;
    }
    int eq = camelArg.indexOf('=');
    String name = eq < 0 ? camelArg.substring(2) : camelArg.substring(2, eq);
    if (ownType(name) != null && !seen.add(name)) {
      throw new BadValue("--" + kebab(name) + " is given more than once; give it once");
    }
  }

  /**
   * Checks the values of the parsed options: enumerations and ranges.
   *
   * @throws IllegalArgumentException naming the first bad option and what it expects
   */
  static void check(InventoryOptions o) {
    if (!REPORT.contains(o.getReport())) {
      throw bad("report", o.getReport(), "expected true, false or only");
    }
    atLeast("fetchConcurrency", o.getFetchConcurrency(), 1);
    atLeast("pageSize", o.getPageSize(), 0);
    atLeast("sliceTimeoutSeconds", o.getSliceTimeoutSeconds(), 1);
    atLeast("lockTimeoutSeconds", o.getLockTimeoutSeconds(), 1);
    atLeast("dbConnectTimeoutSeconds", o.getDbConnectTimeoutSeconds(), 1);
    atLeast("dbSocketTimeoutSeconds", o.getDbSocketTimeoutSeconds(), 1);
    atLeast("waitForLock", o.getWaitForLock(), 0);
    atLeast("progressInterval", o.getProgressInterval(), 0);
    // AWS's bounds of AssumeRole's DurationSeconds: 900 s to 12 h (the role may allow less)
    between("roleSessionSeconds", o.getRoleSessionSeconds(), 900, 43_200);
    between("dbPort", o.getDbPort(), 1, 65_535);
    atLeast("targetParallelism", o.as(DirectOptions.class).getTargetParallelism(), 1);
    if (o.getSummaryFile() != null) {
      summaryFile(o.getSummaryFile());
      notTheConfig(o.getSummaryFile(), o.getConfig());
    }
  }

  /**
   * Checks that the summary file is not the config file, which writing the summary would replace.
   *
   * @throws IllegalArgumentException naming the option
   */
  static void notTheConfig(String summary, String config) {
    if (config != null && !config.isEmpty() && sameFile(summary, config)) {
      throw bad(
          "summaryFile",
          summary,
          "is the config file (--config); writing the summary would replace it");
    }
  }

  /**
   * Checks that the summary file is none of the files the config's {@code ${file:PATH}}
   * placeholders read (a password file, say), which writing the summary would replace.
   *
   * @param filesRead absolute paths ({@code InventoryConfig.filesRead()})
   * @throws IllegalArgumentException naming the option
   */
  static void notReadByTheConfig(String summary, List<String> filesRead) {
    for (String read : filesRead) {
      if (sameFile(summary, read)) {
        throw bad(
            "summaryFile",
            summary,
            "is a file the config reads (${file:...}); writing the summary would replace it");
      }
    }
  }

  /** Whether two paths name one file: equal once normalized, or the same file (links). */
  private static boolean sameFile(String a, String b) {
    Path x = Path.of(a).toAbsolutePath().normalize();
    Path y = Path.of(b).toAbsolutePath().normalize();
    if (x.equals(y)) {
      return true;
    }
    try {
      return Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Checks that the summary file can be written where it is asked for, before the run rather than
   * after it: not a directory, and its nearest existing parent a directory this process can create
   * a file in, tried (missing directories below it are created when the file is written).
   *
   * @throws IllegalArgumentException naming the option and what is wrong with the path
   */
  static void summaryFile(String file) {
    Path path;
    try {
      path = Path.of(file).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw bad("summaryFile", file, "not a valid path");
    }
    if (Files.isDirectory(path)) {
      throw bad("summaryFile", file, "is a directory");
    }
    for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw bad("summaryFile", file, dir + " is not a directory");
        }
        if (!Files.isWritable(dir) || !canCreateFileIn(dir)) {
          throw bad("summaryFile", file, "cannot write in " + dir);
        }
        return;
      }
    }
  }

  /**
   * Whether a file can be created in {@code dir}, tried with an empty file deleted at once: {@link
   * Files#isWritable} asks for permission only, which root always has, even in {@code /proc}.
   */
  private static boolean canCreateFileIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, ".aws-inventory-", ".probe"));
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw bad(name, Long.toString(value), "must be at least " + min);
    }
  }

  private static void between(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw bad(name, Long.toString(value), "must be from " + min + " to " + max);
    }
  }

  /** A bad value of one of this tool's options: the one line the user sees. */
  static final class BadValue extends IllegalArgumentException {
    BadValue(String message) {
      super(message);
    }
  }

  /** {@code --camel-name=value: expected}, the option named as the user wrote it. */
  static BadValue bad(String camelName, String value, String expected) {
    return new BadValue("--" + kebab(camelName) + "=" + value + ": " + expected);
  }

  /**
   * The {@link BadValue} that Beam's options parser met (reading a {@link FailOn}, say) and wrapped
   * in its own exceptions, or null.
   */
  static BadValue badValueIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadValue bad) {
        return bad;
      }
    }
    return null;
  }

  /**
   * The getter's type of one of the {@link #CHECKED} options ({@code int} for the {@link
   * #RUNNER_MINIMUMS}), or null for others and unknown ones.
   */
  private static Class<?> ownType(String name) {
    if (name.isEmpty()) {
      return null;
    }
    if (RUNNER_MINIMUMS.containsKey(name)) {
      return int.class;
    }
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Class<?> options : CHECKED) {
      for (Method m : options.getDeclaredMethods()) {
        if (m.getName().equals(getter) && m.getParameterCount() == 0) {
          return m.getReturnType();
        }
      }
    }
    return null;
  }

  /** {@code sliceTimeoutSeconds} to {@code slice-timeout-seconds}, as the README writes options. */
  static String kebab(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
