package dev.awsinventory.pipeline;

import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A runner built for production that runs a job inside the driver's JVM, used on one machine for
 * runs too large for the DirectRunner (see {@link RunnerChoice}). Found with {@link
 * java.util.ServiceLoader}: the job's jar provides Flink's embedded cluster ({@code
 * dev.awsinventory.runners.EmbeddedFlink}); without a provider every run stays on the DirectRunner.
 */
public interface EmbeddedRunner {
  /** The runner's name as {@code --runner} spells it, e.g. {@code FlinkRunner}. */
  String name();

  /**
   * Whether {@code options}, as the user gave them, already name this runner inside this JVM (for
   * Flink: {@code --runner=FlinkRunner} with no cluster address).
   */
  boolean embeds(PipelineOptions options);

  /**
   * Sets {@code options} to run the job on this runner in this JVM, keeping every option the user
   * gave.
   *
   * @throws IllegalArgumentException if an option the user gave for this runner is wrong (for
   *     Flink: a {@code --flinkConfDir} that is no directory); the run ends with its message
   * @throws IllegalStateException if the runner cannot be set up here; the run then stays on the
   *     DirectRunner
   */
  void configure(PipelineOptions options);
}
