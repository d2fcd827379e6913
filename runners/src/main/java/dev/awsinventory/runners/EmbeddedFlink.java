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
 * large runs on one machine. Unless the user gave {@code --flinkConfDir}, its configuration sets
 * the cluster's managed memory to {@value #MANAGED_MEMORY}: Beam otherwise gives the embedded
 * cluster 40% of the free heap, which its batch sorters fill, while this job sorts only its slice
 * tasks (measured: 1,024 MB peak RSS for the small run S0 before, 547 MB after).
 */
public final class EmbeddedFlink implements EmbeddedRunner {
  /** Flink's {@code taskmanager.memory.managed.size} for the embedded cluster. */
  static final String MANAGED_MEMORY = "64m";

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
      flink.setFlinkConfDir(configDirectory().toString());
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

  private static Path configDirectory() {
    try {
      Path dir = Files.createTempDirectory("aws-inventory-flink");
      // deleted at exit in the reverse order of registration: the file, then its directory
      dir.toFile().deleteOnExit();
      Path conf = dir.resolve("config.yaml");
      conf.toFile().deleteOnExit();
      Files.writeString(conf, "taskmanager.memory.managed.size: " + MANAGED_MEMORY + "\n");
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(new UncheckedIOException(e));
    }
  }
}
