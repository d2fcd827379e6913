package dev.awsinventory.runners;

import dev.awsinventory.pipeline.EmbeddedRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Flink's embedded cluster ({@code --runner=FlinkRunner --flinkMaster=[local]}) as the runner of
 * large runs on one machine.
 *
 * <p>Unless the user gave {@code --flinkConfDir}, its configuration sizes the cluster's memory by
 * the job's parallelism {@code p} ({@code --parallelism}, else the machine's processors, as Flink's
 * local environment does), in MiB:
 *
 * <ul>
 *   <li>managed memory ({@code taskmanager.memory.managed.size}) {@code max(64, 2p)}: Beam
 *       otherwise gives the embedded cluster 40% of the free heap, which its batch sorters fill,
 *       while this job sorts only its slice tasks (measured: 1,024 MB peak RSS for the small run S0
 *       before, 547 MB after); at {@code p} = 64, 64 MiB is too little for Flink's sorters (each
 *       needs at least 12 pages of 32 KiB);
 *   <li>network memory ({@code taskmanager.memory.network.min} and {@code .max}) for {@code
 *       max(2048, 512 + 2p(p + 1))} buffers of 32 KiB: Flink's local default of 64 MiB (2,048
 *       buffers, allocated at start, outside the heap) is too little at {@code p} = 64 ({@code
 *       Insufficient number of network buffers}; it ran at 32), and {@code 2p(p + 1)} buffers alone
 *       (544) failed at {@code p} = 16; less than the default at small {@code p} (17 MiB at {@code
 *       p} = 2) cost the benchmark's S6 (2,000 accounts, its slice tasks sorted through Flink's
 *       shuffle) about a quarter more time, so 64 MiB stays the floor;
 *   <li>the read buffers of Flink's sort-merge shuffle ({@code
 *       taskmanager.memory.framework.off-heap.batch-shuffle.size}) {@code p} within 16 to 64
 *       (Flink's default 64).
 * </ul>
 *
 * <p>Measured with the benchmark harness (README "Performance"): S6 at {@code p} = 2 took 28.1-40.4
 * s / 540-560 MB with these sizes (2 runs, one of them through {@code --flinkConfDir}) against
 * 38.1-50.1 s / 585-589 MB with Flink's defaults, and 50.3-58.4 s with 17 MiB of network buffers.
 */
public final class EmbeddedFlink implements EmbeddedRunner {
  /** Flink's size of a network buffer and of a managed memory page, in KiB. */
  private static final int PAGE_KIB = 32;

  /** The Flink master addresses that mean a cluster inside this JVM. */
  private static final Set<String> LOCAL = Set.of("[auto]", "[local]");

  @Override
  public String name() {
    return "FlinkRunner";
  }

  @Override
  public boolean embeds(PipelineOptions options) {
    return FlinkRunner.class.equals(options.getRunner())
        && LOCAL.contains(options.as(FlinkPipelineOptions.class).getFlinkMaster());
  }

  /**
   * Sets the runner, {@code [local]} as master unless the user gave one, and a configuration
   * directory (a temporary one, removed when the JVM exits) unless one was given.
   *
   * @throws IllegalArgumentException if the user's {@code --flinkConfDir} is no directory
   * @throws IllegalStateException if the configuration cannot be written
   */
  @Override
  public void configure(PipelineOptions options) {
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (flink.getFlinkConfDir() == null) {
      int parallelism =
          flink.getParallelism() > 0
              ? flink.getParallelism()
              : Runtime.getRuntime().availableProcessors();
      flink.setFlinkConfDir(configDirectory(configuration(parallelism)).toString());
    } else if (!Files.isDirectory(Path.of(flink.getFlinkConfDir()))) {
      throw new IllegalArgumentException(
          "--flinkConfDir="
              + flink.getFlinkConfDir()
              + ": no such directory (it should hold Flink's config.yaml)");
    }
    if ("[auto]".equals(flink.getFlinkMaster())) {
      flink.setFlinkMaster("[local]");
    }
    options.setRunner(FlinkRunner.class);
  }

  /**
   * The embedded cluster's {@code config.yaml} for {@code parallelism} task slots (see the class
   * comment): one {@code key: value} line per option, sizes in MiB ({@code 64m}).
   */
  static String configuration(int parallelism) {
    long p = Math.max(1, parallelism);
    long networkBuffers = Math.max(2048, 512 + 2 * p * (p + 1));
    long networkMib = (networkBuffers * PAGE_KIB + 1023) / 1024;
    return "taskmanager.memory.managed.size: "
        + Math.max(64, 2 * p)
        + "m\n"
        + "taskmanager.memory.network.min: "
        + networkMib
        + "m\n"
        + "taskmanager.memory.network.max: "
        + networkMib
        + "m\n"
        + "taskmanager.memory.framework.off-heap.batch-shuffle.size: "
        + Math.min(64, Math.max(16, p))
        + "m\n";
  }

  private static Path configDirectory(String configuration) {
    try {
      Path dir = Files.createTempDirectory("aws-inventory-flink");
      // deleted at exit in the reverse order of registration: the file, then its directory
      dir.toFile().deleteOnExit();
      Path conf = dir.resolve("config.yaml");
      conf.toFile().deleteOnExit();
      Files.writeString(conf, configuration);
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(new UncheckedIOException(e));
    }
  }
}
