package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.scenario.DemoOrganization;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's first-run experience on a machine without AWS credentials (the environment has no AWS
 * variables and no ~/.aws files): --demo, --help and --version.
 */
class DemoJarTest {
  @TempDir Path dir;

  @Test
  void demoRunsThePipelineAgainstTheSimulatorAndPrintsEachCheck() throws Exception {
    int port = freePort();
    Jar.Result r =
        Jar.run(Map.of(), dir, "--demo", "--db-dir=" + dir.resolve("state"), "--db-port=" + port);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .contains("SIMULATOR", ": ok in", "from 3 accounts in 2 regions", "aws_ec2_instances");
    for (DemoOrganization.Finding f : DemoOrganization.EXPECTED) {
      assertThat(r.stdout())
          .as(r.toString())
          .contains(
              "== " + f.check() + " (" + (f.rows() == 1 ? "1 row" : f.rows() + " rows") + "): ");
    }
    assertThat(r.stdout())
        .contains(
            "sg-0bastion44455566",
            "snap-0devexport00001",
            "psql -h localhost -p " + port,
            "java -jar "
                + Jar.path().toAbsolutePath()
                + " --demo --hold-db=true --db-port="
                + port);
    assertThat(r.stdout()).as("one hint how to query the data").doesNotContain("Query the data");
    assertThat(r.stdout()).endsWith(" -U postgres postgres    (in another terminal)\n");
    assertThat(r.stdout() + r.stderr()).doesNotContain("Exception");
    assertThat(r.stderr())
        .contains(
            "creating sync table aws_inventory_sync_runs",
            "creating sync table aws_inventory_sync_slices");
  }

  /** A run that ends before it starts prints the banner once and no hint to query its data. */
  @Test
  void aDemoWhoseDatabasePortIsTakenSaysSoOnceAndHintsNothing() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Jar.Result r =
          Jar.run(
              Map.of(),
              dir,
              "--demo",
              "--db-dir=" + dir.resolve("state"),
              "--db-port=" + taken.getLocalPort());
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.stdout().split("SIMULATOR", -1)).as(r.toString()).hasSize(2);
      assertThat(r.stdout()).as(r.toString()).doesNotContain("--hold-db=true", "psql -h");
      assertThat(r.stderr())
          .as(r.toString())
          .contains("cannot start the embedded PostgreSQL")
          .contains(String.valueOf(taken.getLocalPort()))
          .doesNotContain("Exception");
    }
  }

  @Test
  void helpListsTheToolsOwnOptionsWithDefaultsAndVersionPrintsTheVersion() throws Exception {
    Jar.Result help = Jar.run(Map.of(), dir, "--help");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.stdout())
        .contains(
            "--config",
            "--demo",
            "--plan",
            "--report",
            "--fetch-concurrency  (default: 32)",
            "--db-port  (default: 54329)",
            "--progress-interval  (default: 5)",
            "--help=beam");
    assertThat(help.stdout()).doesNotContain("GcpOptions", "DataflowPipelineOptions");

    Jar.Result beam = Jar.run(Map.of(), dir, "--help=beam");
    assertThat(beam.exitCode()).isZero();
    assertThat(beam.stdout()).contains("PipelineOptions");

    Jar.Result version = Jar.run(Map.of(), dir, "--version");
    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.stdout().strip()).matches("aws-inventory \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void withoutAConfigItSaysWhatToDo() throws Exception {
    Jar.Result r = Jar.run(Map.of(), dir);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip())
        .isEqualTo(
            "aws-inventory: --config=FILE is required (try --demo to see it work without AWS, or --help)");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
