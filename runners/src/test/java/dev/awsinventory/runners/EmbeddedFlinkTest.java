package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster's configuration, sized by the parallelism, alone. */
class EmbeddedFlinkTest {
  @TempDir Path dir;

  @Test
  void memoryGrowsWithTheParallelismFromFloors() {
    assertThat(EmbeddedFlink.configuration(2))
        .isEqualTo(
            """
            taskmanager.memory.managed.size: 64m
            taskmanager.memory.network.min: 64m
            taskmanager.memory.network.max: 64m
            taskmanager.memory.framework.off-heap.batch-shuffle.size: 16m
            """);
    // 512 + 2 x 64 x 65 = 8,832 buffers of 32 KiB = 276 MiB
    assertThat(EmbeddedFlink.configuration(64))
        .isEqualTo(
            """
            taskmanager.memory.managed.size: 128m
            taskmanager.memory.network.min: 276m
            taskmanager.memory.network.max: 276m
            taskmanager.memory.framework.off-heap.batch-shuffle.size: 64m
            """);
    assertThat(EmbeddedFlink.configuration(0)).isEqualTo(EmbeddedFlink.configuration(1));
    assertThat(EmbeddedFlink.configuration(32))
        .as("512 + 2 x 32 x 33 = 2,624 buffers, past the floor of 2,048")
        .contains("network.min: 82m\n");
    assertThat(EmbeddedFlink.configuration(1000))
        .contains("batch-shuffle.size: 64m\n", "managed.size: 2000m\n");
  }

  @Test
  void theConfigurationWrittenIsTheParallelismsAndAUsersDirectoryIsKept() throws Exception {
    FlinkPipelineOptions options =
        PipelineOptionsFactory.fromArgs("--parallelism=16").as(FlinkPipelineOptions.class);
    new EmbeddedFlink().configure(options);
    assertThat(options.getFlinkMaster()).isEqualTo("[local]");
    assertThat(Files.readString(Path.of(options.getFlinkConfDir(), "config.yaml")))
        .isEqualTo(EmbeddedFlink.configuration(16));

    FlinkPipelineOptions given =
        PipelineOptionsFactory.fromArgs("--flinkConfDir=" + dir).as(FlinkPipelineOptions.class);
    new EmbeddedFlink().configure(given);
    assertThat(given.getFlinkConfDir()).isEqualTo(dir.toString());
    assertThat(dir).isEmptyDirectory();
  }
}
