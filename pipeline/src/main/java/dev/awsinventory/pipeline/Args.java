package dev.awsinventory.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Command line to options: accepts {@code --summary-file} as well as Beam's {@code --summaryFile}.
 */
public final class Args {
  /**
   * The DirectRunner's threads when not given and the run's size is not known (an organization);
   * the most {@link RunnerChoice} gives it otherwise. Fetches wait on HTTP, so more than cores.
   */
  static final int DIRECT_PARALLELISM = 16;

  private static final Pattern UNKNOWN_OPTION =
      Pattern.compile("missing a property named '([^']+)'\\.?(.*)", Pattern.DOTALL);

  private Args() {}

  public static InventoryOptions parse(String[] args) {
    List<String> beam = new ArrayList<>();
    boolean parallelismGiven = false;
    boolean checksGiven = false;
    boolean runnerGiven = false;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = camel(args[i]);
      OptionChecks.checkHasValue(arg, i + 1 < args.length ? args[i + 1] : null);
      parallelismGiven |= arg.startsWith("--targetParallelism");
      runnerGiven |= arg.startsWith("--runner=") || arg.equals("--runner");
      checksGiven |=
          arg.startsWith("--enforceImmutability") || arg.startsWith("--enforceEncodability");
      OptionChecks.checkType(arg);
      OptionChecks.checkOnce(arg, seen);
      beam.add(arg);
    }
    PipelineOptionsFactory.register(InventoryOptions.class);
    InventoryOptions options;
    try {
      options =
          PipelineOptionsFactory.fromArgs(beam.toArray(String[]::new))
              .withValidation()
              .as(InventoryOptions.class);
    } catch (IllegalArgumentException e) {
      OptionChecks.BadValue bad = OptionChecks.badValueIn(e);
      throw new IllegalArgumentException(
          bad != null ? bad.getMessage() : plain(String.valueOf(e.getMessage()), args), e);
    }
    OptionChecks.check(options);
    if (!parallelismGiven) {
      options.as(DirectOptions.class).setTargetParallelism(DIRECT_PARALLELISM);
    }
    if (!checksGiven) {
      // the DirectRunner's checks of DoFns (each element encoded, decoded and compared again)
      // are for tests of a pipeline; the job's DoFns are tested, so a run skips them
      options.as(DirectOptions.class).setEnforceImmutability(false);
      options.as(DirectOptions.class).setEnforceEncodability(false);
    }
    options.setRunnerGiven(runnerGiven);
    options.setParallelismGiven(parallelismGiven);
    options.setJobName("aws-inventory");
    return options;
  }

  /**
   * Beam's wording of an unknown option ("Class interface ...InventoryOptions missing a property
   * named 'x'.") as this tool's ("unknown option --x"), the option named as it was typed in {@code
   * args} (else as the README writes options), keeping Beam's suggestion named as the README writes
   * it.
   */
  static String plain(String message, String[] args) {
    Matcher m = UNKNOWN_OPTION.matcher(message);
    if (m.find()) {
      Matcher named = Pattern.compile("'([A-Za-z]+)'").matcher(m.group(2).trim());
      StringBuilder hinted = new StringBuilder();
      while (named.find()) {
        named.appendReplacement(
            hinted, Matcher.quoteReplacement("'--" + OptionChecks.kebab(named.group(1)) + "'"));
      }
      String hint = named.appendTail(hinted).toString().replace("Did you mean", "did you mean");
      return "unknown option "
          + typed(m.group(1), args)
          + (hint.isEmpty() ? "" : "; " + hint)
          + " (--help lists the options)";
    }
    return message;
  }

  /** The option whose Beam name is {@code property} as it was typed, without its value. */
  private static String typed(String property, String[] args) {
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (camel(name).equals("--" + property)) {
        return name;
      }
    }
    return "--" + OptionChecks.kebab(property);
  }

  /** {@code --summary-file=x} to {@code --summaryFile=x}; values are left alone. */
  static String camel(String arg) {
    if (!arg.startsWith("--")) {
      return arg;
    }
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    StringBuilder out = new StringBuilder("--");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' && i + 1 < name.length()) {
        out.append(Character.toUpperCase(name.charAt(++i)));
      } else {
        out.append(c);
      }
    }
    return eq < 0 ? out.toString() : out + arg.substring(eq);
  }
}
