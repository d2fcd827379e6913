package dev.awsinventory.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code --help} (this tool's own options with their defaults), {@code --help=beam} (Beam's option
 * list) and {@code --version}, answered before Beam parses the command line (Beam's own {@code
 * --help} would list every registered option class and exit the JVM).
 */
public final class Help {
  private Help() {}

  /**
   * Answers the command line if it asks for help or the version.
   *
   * @return true if it did (the caller exits 0), false if the line is a run
   */
  public static boolean answer(String[] args, PrintStream out) {
    for (String arg : args) {
      if (arg.equals("--version") || arg.equals("-V")) {
        out.println("aws-inventory " + version());
        return true;
      }
      if (arg.equals("--help=beam")) {
        PipelineOptionsFactory.printHelp(out);
        return true;
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(text());
        return true;
      }
    }
    return false;
  }

  /**
   * The problem with a help or version option given a value other than {@code --help=beam} (such as
   * {@code --help=x} or {@code --version=3}), or null when there is none.
   */
  public static String misused(String[] args) {
    for (String arg : args) {
      if ((arg.startsWith("--help=") && !arg.equals("--help=beam"))
          || arg.startsWith("--version=")) {
        return arg + ": takes no value (--help, --help=beam for Beam's own options, --version)";
      }
    }
    return null;
  }

  /** The project version the jar was built from (Maven's {@code project.version}). */
  public static String version() {
    try (InputStream in = Help.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The usage text: every option of {@link InventoryOptions}, its meaning and its default. */
  static String text() {
    StringBuilder out = new StringBuilder();
    out.append("aws-inventory ")
        .append(version())
        .append(": every EC2 resource of your AWS accounts in one PostgreSQL database.\n\n");
    out.append("Usage: java -jar aws-inventory.jar --config=cloudquery.yml [options]\n");
    out.append("       java -jar aws-inventory.jar --demo      (no AWS account needed)\n");
    out.append("       java -jar aws-inventory.jar --config=cloudquery.yml --plan\n\n");
    out.append("Options:\n");
    for (Option o : options()) {
      out.append("  --").append(o.name());
      out.append(o.defaultValue() == null ? "\n" : "  (default: " + o.defaultValue() + ")\n");
      for (String line : wrap(o.description(), 74)) {
        out.append("      ").append(line).append('\n');
      }
    }
    out.append("  --help, --version\n      This text; the version.\n");
    out.append(
        "\nEvery Beam option is accepted too (--runner=FlinkRunner, --parallelism=N, ...): "
            + "--help=beam lists them.\n");
    out.append("Exit codes: 0 every slice ok; 2 finished, some slices failed; 1 fatal.\n");
    return out.toString();
  }

  /** One option: its command-line name, description and default (null if none). */
  record Option(String name, String description, String defaultValue) {}

  static List<Option> options() {
    List<Option> out = new ArrayList<>();
    for (Method m : InventoryOptions.class.getDeclaredMethods()) {
      Description d = m.getAnnotation(Description.class);
      if (d == null || m.getParameterCount() != 0) {
        continue;
      }
      String property =
          m.getName().startsWith("is") ? m.getName().substring(2) : m.getName().substring(3);
      out.add(new Option(kebab(property), d.value(), defaultOf(m)));
    }
    out.sort(Comparator.comparing(Option::name));
    return out;
  }

  private static String defaultOf(Method m) {
    if (m.getAnnotation(Default.String.class) != null) {
      return m.getAnnotation(Default.String.class).value();
    }
    if (m.getAnnotation(Default.Integer.class) != null) {
      return Integer.toString(m.getAnnotation(Default.Integer.class).value());
    }
    if (m.getAnnotation(Default.Long.class) != null) {
      return Long.toString(m.getAnnotation(Default.Long.class).value());
    }
    if (m.getAnnotation(Default.Boolean.class) != null) {
      return Boolean.toString(m.getAnnotation(Default.Boolean.class).value());
    }
    if (m.getAnnotation(Default.Enum.class) != null) {
      return m.getAnnotation(Default.Enum.class).value().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** {@code FetchConcurrency} to {@code fetch-concurrency}. */
  static String kebab(String property) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < property.length(); i++) {
      char c = property.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
