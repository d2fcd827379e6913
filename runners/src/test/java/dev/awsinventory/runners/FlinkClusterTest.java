package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Flink 1.19 session cluster (a JobManager and a TaskManager JVM started by
 * runners/flink/start-cluster.sh): the job is submitted with --flinkMaster and parallelism 2, and
 * writes exactly the DirectRunner's tables. The TaskManager has the source credentials in its own
 * environment; the submitting client has none. The cluster is stopped whatever happens.
 */
class FlinkClusterTest {
  @TempDir Path dir;

  @Test
  void aSessionClusterWritesExactlyTheDirectRunnersTables() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      Map<String, String> credentials = seed.sourceUser.environment();
      Path state = dir.resolve("flink");
      Thread stopper = new Thread(() -> FlinkScripts.run("stop-cluster.sh", state, Map.of()));
      Runtime.getRuntime().addShutdownHook(stopper);
      try {
        String master =
            FlinkScripts.run("start-cluster.sh", state, credentials)
                .lines()
                .filter(l -> l.startsWith("FLINK_MASTER="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the cluster did not start"))
                .substring("FLINK_MASTER=".length());

        String direct = pg.newDatabase();
        Path directConfig =
            seed.writeConfig(
                Files.createDirectories(dir.resolve("direct")), pg.port(), name(direct));
        Jar.Result d = Jar.run(credentials, dir, "--config=" + directConfig);
        assertThat(d.exitCode()).as(d.toString()).isZero();

        String cluster = pg.newDatabase();
        Path clusterConfig =
            seed.writeConfig(
                Files.createDirectories(dir.resolve("cluster")), pg.port(), name(cluster));
        Jar.Result c =
            Jar.run(
                Map.of(),
                dir,
                "--config=" + clusterConfig,
                "--runner=FlinkRunner",
                "--flinkMaster=" + master,
                "--parallelism=2",
                "--filesToStage=" + Path.of(System.getProperty("flinkJobJar")).toAbsolutePath());
        assertThat(c.exitCode()).as(c.toString()).isZero();

        Map<String, Set<String>> onDirect = TestDatabase.snapshot(direct, "aws_ec2_");
        Map<String, Set<String>> onCluster = TestDatabase.snapshot(cluster, "aws_ec2_");
        assertThat(onDirect.get("aws_ec2_instances")).hasSize(seed.expectedInstances().size());
        assertThat(onCluster).isEqualTo(onDirect);
        assertThat(TestDatabase.snapshot(cluster, "aws_regions"))
            .isEqualTo(TestDatabase.snapshot(direct, "aws_regions"));
        assertThat(
                TestDatabase.query(cluster, "SELECT runner, status FROM aws_inventory_sync_runs"))
            .containsExactly(Map.of("runner", "FlinkRunner", "status", "ok"));
      } finally {
        FlinkScripts.run("stop-cluster.sh", state, Map.of());
        Runtime.getRuntime().removeShutdownHook(stopper);
      }
      assertThat(Files.readString(state.resolve("log/taskmanager.log"))).isNotEmpty();
    }
  }

  @Test
  void theJobJarLeavesFlinkToTheCluster() throws Exception {
    try (java.util.zip.ZipFile job = new java.util.zip.ZipFile(System.getProperty("flinkJobJar"));
        java.util.zip.ZipFile all = new java.util.zip.ZipFile(Jar.path().toFile())) {
      assertThat(
              job.stream()
                  .map(java.util.zip.ZipEntry::getName)
                  .filter(n -> n.startsWith("org/apache/flink/")))
          .isEmpty();
      assertThat(job.getEntry("org/apache/beam/runners/flink/FlinkRunner.class")).isNotNull();
      assertThat(job.getEntry("dev/awsinventory/pipeline/InventoryPipeline.class")).isNotNull();
      assertThat(job.getEntry("META-INF/services/java.sql.Driver")).isNotNull();
      assertThat(all.getEntry("org/apache/flink/runtime/minicluster/MiniCluster.class"))
          .isNotNull();
    }
  }

  private static String name(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
