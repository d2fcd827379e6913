package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inventory through the DirectRunner and through Flink's embedded mini-cluster: the same
 * tables; and a large run goes to the embedded cluster by itself.
 */
class FlinkRunnerTest {
  @TempDir Path dir;

  @Test
  void flinkEmbeddedWritesExactlyTheDirectRunnersTables() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      Map<String, String> env = seed.sourceUser.environment();

      String direct = pg.newDatabase();
      Path directConfig =
          seed.writeConfig(Files.createDirectories(dir.resolve("direct")), pg.port(), name(direct));
      Jar.Result d = Jar.run(env, dir, "--config=" + directConfig);
      assertThat(d.exitCode()).as(d.toString()).isZero();

      String flink = pg.newDatabase();
      Path flinkConfig =
          seed.writeConfig(Files.createDirectories(dir.resolve("flink")), pg.port(), name(flink));
      Jar.Result f =
          Jar.run(
              env,
              dir,
              "--config=" + flinkConfig,
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--log-level=debug");
      assertThat(f.exitCode()).as(f.toString()).isZero();
      assertThat(f.stdout()).contains("aws-inventory run", ": ok in");
      assertThat(f.stderr())
          .as("Flink's metric groups' warnings of names cut to 80 characters are not printed")
          .doesNotContain("characters length limit");
      assertThat(f.stderr())
          .as("Beam metrics from the Flink job")
          .contains(
              "metric aws_ec2_instances/resources = " + seed.expectedInstances().size(),
              "metric aws_ec2_instances/pages = ",
              "metric aws_ec2_vpcs/slices_ok = 4");

      Map<String, Set<String>> onDirect = TestDatabase.snapshot(direct, "aws_");
      Map<String, Set<String>> onFlink = TestDatabase.snapshot(flink, "aws_");
      assertThat(onDirect.get("aws_ec2_instances")).hasSize(seed.expectedInstances().size());
      onDirect.remove("aws_inventory_sync_runs");
      onDirect.remove("aws_inventory_sync_slices");
      onFlink.remove("aws_inventory_sync_runs");
      onFlink.remove("aws_inventory_sync_slices");
      onDirect.remove("aws_inventory_sync_progress");
      onFlink.remove("aws_inventory_sync_progress");
      assertThat(
              TestDatabase.count(
                  flink,
                  "SELECT count(*) FROM aws_inventory_sync_progress WHERE status = 'planned'"))
          .as("the Flink workers recorded every slice's progress")
          .isZero();
      assertThat(TestDatabase.count(flink, "SELECT count(*) FROM aws_inventory_sync_progress"))
          .isEqualTo(TestDatabase.count(flink, "SELECT count(*) FROM aws_inventory_sync_slices"));
      assertThat(onFlink).isEqualTo(onDirect);
      assertThat(TestDatabase.query(flink, "SELECT runner FROM aws_inventory_sync_runs"))
          .containsExactly(Map.of("runner", "FlinkRunner"));
    }
  }

  /**
   * With Flink's local defaults (64 MiB of network buffers, the managed memory this job set to 64
   * MiB) this run failed: {@code Insufficient number of network buffers: required 65, but only 33
   * available}, then, with only the buffers sized, {@code Too little memory provided to sorter}.
   */
  @Test
  void aParallelismOf64FitsTheEmbeddedClustersMemory() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      String db = pg.newDatabase();
      Path config = seed.writeConfig(dir, pg.port(), name(db));
      Jar.Result r =
          Jar.run(
              seed.sourceUser.environment(),
              dir,
              "--config=" + config,
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=64");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(TestDatabase.count(db, "SELECT count(*) FROM aws_ec2_instances"))
          .isEqualTo(seed.expectedInstances().size());
      assertThat(
              TestDatabase.count(
                  db, "SELECT count(*) FROM aws_inventory_sync_slices WHERE status <> 'ok'"))
          .isZero();
    }
  }

  @Test
  void aLargeRunGoesToFlinkEmbeddedWithoutAnyOptionAndARunnerGivenIsKept() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      Map<String, String> env = seed.sourceUser.environment();

      // two accounts x every enabled region: 34 (account, region) pairs, past the DirectRunner's 20
      String auto = pg.newDatabase();
      Path autoConfig = everyRegion(seed, "auto", pg.port(), name(auto));
      Set<Path> confDirsBefore = flinkConfDirs();
      Jar.Result a = Jar.run(env, dir, "--config=" + autoConfig);
      assertThat(a.exitCode()).as(a.toString()).isZero();
      assertThat(flinkConfDirs())
          .as("the generated Flink configuration is removed at exit")
          .isSubsetOf(confDirsBefore);
      assertThat(a.stderr())
          .contains(
              "aws-inventory: 34 account-region pairs: running on FlinkRunner embedded in this JVM");
      assertThat(TestDatabase.query(auto, "SELECT runner FROM aws_inventory_sync_runs"))
          .containsExactly(Map.of("runner", "FlinkRunner"));
      assertThat(TestDatabase.count(auto, "SELECT count(*) FROM aws_ec2_instances"))
          .isEqualTo(seed.expectedInstances().size());
      assertThat(
              TestDatabase.count(
                  auto, "SELECT count(*) FROM aws_inventory_sync_slices WHERE status <> 'ok'"))
          .isZero();

      Jar.Result badConf = Jar.run(env, dir, "--config=" + autoConfig, "--flinkConfDir=/nowhere/x");
      assertThat(badConf.exitCode()).as(badConf.toString()).isEqualTo(1);
      assertThat(badConf.stderr())
          .contains("aws-inventory: --flinkConfDir=/nowhere/x: no such directory")
          .doesNotContain("Exception", "\tat ");

      String direct = pg.newDatabase();
      Path directConfig = everyRegion(seed, "direct", pg.port(), name(direct));
      Jar.Result d = Jar.run(env, dir, "--config=" + directConfig, "--runner=DirectRunner");
      assertThat(d.exitCode()).as(d.toString()).isZero();
      assertThat(d.stderr()).doesNotContain("running on FlinkRunner");
      assertThat(TestDatabase.query(direct, "SELECT runner FROM aws_inventory_sync_runs"))
          .containsExactly(Map.of("runner", "DirectRunner"));
      assertThat(TestDatabase.snapshot(direct, "aws_ec2_"))
          .isEqualTo(TestDatabase.snapshot(auto, "aws_ec2_"));
    }
  }

  private static Set<Path> flinkConfDirs() throws IOException {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("aws-inventory-flink"))
          .collect(Collectors.toSet());
    }
  }

  private Path everyRegion(SeedScenario seed, String name, int port, String database)
      throws Exception {
    Path config = seed.writeConfig(Files.createDirectories(dir.resolve(name)), port, database);
    String text = Files.readString(config);
    Files.writeString(
        config, text.replace("regions: [\"us-east-1\", \"eu-west-1\"]", "regions: [\"*\"]"));
    assertThat(Files.readString(config)).contains("regions: [\"*\"]");
    return config;
  }

  private static String name(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
