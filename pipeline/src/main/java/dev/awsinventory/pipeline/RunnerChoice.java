package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.InventoryConfig;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.beam.runners.direct.DirectOptions;

/**
 * The runner of a run on one machine when the command line names none ({@code --runner}): the
 * DirectRunner for small runs, where it starts fastest and holds least memory, and the {@link
 * EmbeddedRunner} (Flink's embedded cluster) for runs of more than {@value #MAX_DIRECT_PAIRS}
 * (account, region) pairs or with an {@code org} block. The DirectRunner's cost grows with the run:
 * it evaluates every bundle of every step with its own translation of the step, and its monitor
 * thread never waits; measured with the benchmark harness (README "Performance"), the two break
 * even at about 20 pairs of 4 tables, and at 200 accounts the DirectRunner takes 4.7 times the CPU.
 *
 * <p>On the DirectRunner, a run gets one thread per account, at most {@value
 * Args#DIRECT_PARALLELISM}, unless {@code --targetParallelism} is given, and the fetch step one
 * bundle per account ({@link InventoryGraph.Grouping#ACCOUNT}), whose slices the fetch runs side by
 * side. The runner's own monitor is a task on the same thread pool that resubmits itself without
 * waiting: on a free thread it spins, taking a core and allocating as it goes (in a run of one
 * account, more than half the job's CPU samples and about two thirds of its allocations, measured
 * with JFR). With a thread per account it waits in the pool's queue while the accounts are fetched.
 */
final class RunnerChoice {
  /** The most (account, region) pairs a run keeps on the DirectRunner. */
  static final int MAX_DIRECT_PAIRS = 20;

  /**
   * Regions a name pattern ({@code "*"}, {@code "eu-*"}) is counted as before DescribeRegions
   * answers: the 17 commercial regions AWS enables by default.
   */
  static final int REGIONS_PER_PATTERN = 17;

  private RunnerChoice() {}

  /**
   * Moves the run to the first {@link EmbeddedRunner} on the class path when {@code options} name
   * no runner and {@link #large} holds, and sets up the one they name when it runs in this JVM
   * ({@code --runner=FlinkRunner} without a cluster); otherwise leaves {@code options} alone.
   *
   * @return the runner the job runs on inside this JVM, or null when it is the DirectRunner or a
   *     cluster
   * @throws IllegalArgumentException if an option the user gave for that runner is wrong
   */
  static EmbeddedRunner apply(InventoryOptions options, InventoryConfig config) {
    return apply(options, config, ServiceLoader.load(EmbeddedRunner.class));
  }

  /** {@link #apply(InventoryOptions, InventoryConfig)} with these runners on the class path. */
  static EmbeddedRunner apply(
      InventoryOptions options, InventoryConfig config, Iterable<EmbeddedRunner> available) {
    if (!options.getRunnerGiven() && !large(config)) {
      sizeDirectRunner(options, config);
      return null;
    }
    for (EmbeddedRunner runner : available) {
      if (options.getRunnerGiven() && !runner.embeds(options)) {
        continue;
      }
      try {
        runner.configure(options);
        return runner;
      } catch (IllegalStateException e) {
        break;
      }
    }
    sizeDirectRunner(options, config);
    return null;
  }

  /**
   * One DirectRunner thread per account (the default chain's one when none is listed; at most
   * {@value Args#DIRECT_PARALLELISM}) when the run is on the DirectRunner, lists its accounts and
   * the command line did not give {@code --targetParallelism}; otherwise leaves {@code options}
   * alone.
   */
  static void sizeDirectRunner(InventoryOptions options, InventoryConfig config) {
    if (options.getParallelismGiven()
        || config.org().isPresent()
        || !options.getRunner().getSimpleName().equals("DirectRunner")) {
      return;
    }
    int threads = Math.max(1, Math.min(Args.DIRECT_PARALLELISM, config.accounts().size()));
    options.as(DirectOptions.class).setTargetParallelism(threads);
  }

  /** Whether a run is past what the DirectRunner does well: an organization, or many pairs. */
  static boolean large(InventoryConfig config) {
    return config.org().isPresent() || pairs(config) > MAX_DIRECT_PAIRS;
  }

  /**
   * The (account, region) pairs the config asks for, counting a region pattern as {@value
   * #REGIONS_PER_PATTERN} regions; an account's own {@code regions} replace the config's.
   */
  static long pairs(InventoryConfig config) {
    List<AccountConfig> accounts =
        config.accounts().isEmpty() ? List.of(config.defaultChainAccount()) : config.accounts();
    long pairs = 0;
    for (AccountConfig a : accounts) {
      pairs += regions(a.regions().orElse(config.regions()));
    }
    return pairs;
  }

  private static long regions(List<String> names) {
    if (names.isEmpty()) {
      return REGIONS_PER_PATTERN;
    }
    return names.stream().mapToLong(n -> n.contains("*") ? REGIONS_PER_PATTERN : 1).sum();
  }
}
