package dev.awsinventory.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Command line to options: accepts {@code --summary-file} as well as Beam's {@code --summaryFile}. */
public final class Args {
  /** Threads of the DirectRunner when not given: fetches wait on HTTP, so more than cores. */
  static final int DIRECT_PARALLELISM = 16;

  private Args() {}

  public static InventoryOptions parse(String[] args) {
    List<String> beam = new ArrayList<>();
    boolean parallelismGiven = false;
    boolean checksGiven = false;
    for (String a : args) {
      String arg = camel(a);
      parallelismGiven |= arg.startsWith("--targetParallelism");
      checksGiven |= arg.startsWith("--enforceImmutability") || arg.startsWith("--enforceEncodability");
      beam.add(arg);
    }
    PipelineOptionsFactory.register(InventoryOptions.class);
    InventoryOptions options = PipelineOptionsFactory.fromArgs(beam.toArray(String[]::new))
        .withValidation().as(InventoryOptions.class);
    if (!parallelismGiven) {
      options.as(DirectOptions.class).setTargetParallelism(DIRECT_PARALLELISM);
    }
    if (!checksGiven) {
      // the DirectRunner's checks of DoFns (each element encoded, decoded and compared again)
      // are for tests of a pipeline; the job's DoFns are tested, so a run skips them
      options.as(DirectOptions.class).setEnforceImmutability(false);
      options.as(DirectOptions.class).setEnforceEncodability(false);
    }
    options.setJobName("aws-inventory");
    return options;
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
