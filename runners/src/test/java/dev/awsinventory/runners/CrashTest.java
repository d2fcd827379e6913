package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The job killed (SIGKILL) while fetching, while writing and while deleting stale rows, and a
 * database that drops the job's connections mid-write: after one clean rerun the tables equal those
 * of a run that was never interrupted. The phases are read from the database itself; triggers that
 * sleep widen the write and deletion windows without touching the job.
 */
class CrashTest {
  @TempDir Path dir;

  @Test
  void killedAtAnyPointTheNextRunRestoresTheExactState() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      Map<String, String> env = seed.sourceUser.environment();
      String url = pg.newDatabase();
      Path config =
          seed.writeConfig(Files.createDirectories(dir.resolve("crash")), pg.port(), name(url));
      assertThat(Jar.run(env, dir, "--config=" + config).exitCode()).isZero();

      changeInventory(aws);
      String reference = pg.newDatabase();
      Path referenceConfig =
          seed.writeConfig(
              Files.createDirectories(dir.resolve("reference")), pg.port(), name(reference));
      assertThat(Jar.run(env, dir, "--config=" + referenceConfig).exitCode()).isZero();

      TestDatabase.execute(
          url,
          "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS "
              + "$$ BEGIN PERFORM pg_sleep(0.4); RETURN NEW; END $$");
      TestDatabase.execute(
          url,
          "CREATE TRIGGER slow_vpcs BEFORE INSERT ON aws_ec2_vpcs FOR EACH ROW EXECUTE FUNCTION slow()");
      TestDatabase.execute(
          url,
          "CREATE TRIGGER slow_slices BEFORE INSERT ON aws_inventory_sync_slices "
              + "FOR EACH ROW EXECUTE FUNCTION slow()");
      aws.faults().latency(java.time.Duration.ofMillis(100));
      List<String> phases = new ArrayList<>();
      long callsBefore = aws.calls("DescribeVpcs");
      phases.add(
          killWhen(
              env,
              config,
              url,
              "fetching",
              db -> running(db) && aws.calls("DescribeVpcs") > callsBefore && newRows(db) == 0));
      phases.add(killWhen(env, config, url, "writing", db -> newRows(db) > 0 && slices(db) == 0));
      phases.add(killWhen(env, config, url, "deleting stale rows", db -> slices(db) > 0));
      assertThat(phases).containsExactly("fetching", "writing", "deleting stale rows");
      // each killed run was marked interrupted by the run that followed it; the last is left
      assertThat(
              TestDatabase.count(
                  url, "SELECT count(*) FROM aws_inventory_sync_runs WHERE status = 'running'"))
          .isEqualTo(1);
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM aws_inventory_sync_runs WHERE status = 'interrupted' "
                      + "AND finished_at IS NULL"))
          .isEqualTo(2);

      // the database is lost while the job writes (it ends every session and refuses new ones
      // until the job has ended): exit 1, no slice of that run recorded, no stale row deleted
      Process job = start(env, config);
      waitFor(url, db -> newRows(db) > 0 && slices(db) == 0, job);
      String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
      TestDatabase.execute(admin, "ALTER DATABASE " + name(url) + " ALLOW_CONNECTIONS false");
      TestDatabase.query(
          admin,
          "SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE datname = '"
              + name(url)
              + "'");
      boolean ended = job.waitFor(3, TimeUnit.MINUTES);
      TestDatabase.execute(admin, "ALTER DATABASE " + name(url) + " ALLOW_CONNECTIONS true");
      assertThat(ended).isTrue();
      assertThat(job.exitValue()).isEqualTo(1);
      assertThat(Files.readString(dir.resolve("job.err"))).contains("the pipeline failed");
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM aws_inventory_sync_slices WHERE run_id = "
                      + "(SELECT run_id FROM aws_inventory_sync_runs ORDER BY started_at DESC LIMIT 1)"))
          .isZero();

      TestDatabase.execute(url, "DROP TRIGGER slow_vpcs ON aws_ec2_vpcs");
      TestDatabase.execute(url, "DROP TRIGGER slow_slices ON aws_inventory_sync_slices");
      aws.faults().clear();
      Jar.Result clean = Jar.run(env, dir, "--config=" + config);
      assertThat(clean.exitCode()).as(clean.toString()).isZero();
      assertThat(TestDatabase.snapshot(url, "aws_ec2_"))
          .isEqualTo(TestDatabase.snapshot(reference, "aws_ec2_"));
      assertThat(TestDatabase.snapshot(url, "aws_regions"))
          .isEqualTo(TestDatabase.snapshot(reference, "aws_regions"));
    }
  }

  /** Starts the job, kills it with SIGKILL once the database shows the phase; returns the phase. */
  private String killWhen(
      Map<String, String> env, Path config, String url, String phase, Predicate<String> shows)
      throws Exception {
    Process job = start(env, config);
    waitFor(url, shows, job);
    job.destroyForcibly();
    assertThat(job.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(job.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    return phase;
  }

  private Process start(Map<String, String> env, Path config) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Jar.path().toAbsolutePath().toString(),
                "--config=" + config)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("job.err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static void waitFor(String url, Predicate<String> shows, Process job) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!shows.test(url)) {
      assertThat(job.isAlive()).as("the job ended before the phase was seen").isTrue();
      assertThat(System.nanoTime()).as("phase seen in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static final String LAST_RUN =
      "(SELECT run_id FROM aws_inventory_sync_runs ORDER BY started_at DESC LIMIT 1)";

  private static boolean running(String url) {
    return TestDatabase.count(
            url,
            "SELECT count(*) FROM aws_inventory_sync_runs WHERE status = 'running' "
                + "AND run_id = "
                + LAST_RUN
                + " AND started_at > now() - interval '5 minutes'")
        > 0;
  }

  private static long newRows(String url) {
    return TestDatabase.count(
        url,
        "SELECT count(*) FROM aws_ec2_vpcs WHERE _cq_sync_time = "
            + "(SELECT sync_time FROM aws_inventory_sync_runs WHERE run_id = "
            + LAST_RUN
            + ")");
  }

  private static long slices(String url) {
    return TestDatabase.count(
        url, "SELECT count(*) FROM aws_inventory_sync_slices WHERE run_id = " + LAST_RUN);
  }

  /** Removes an instance and a VPC, adds a VPC: the clean rerun must delete and insert. */
  private static void changeInventory(FakeAws aws) {
    String gone = SeedScenario.instanceId(SeedScenario.A, "us-east-1", 1);
    aws.account(SeedScenario.A)
        .region("us-east-1")
        .remove(
            "DescribeInstances",
            r -> ((Reservation) r).instances().stream().anyMatch(i -> i.instanceId().equals(gone)));
    aws.account(SeedScenario.B)
        .region("eu-west-1")
        .remove("DescribeVpcs", v -> ((Vpc) v).vpcId().endsWith("-0"));
    aws.account(SeedScenario.A)
        .region("eu-west-1")
        .add("DescribeVpcs", Vpc.builder().vpcId("vpc-new").cidrBlock("10.9.0.0/16").build());
  }

  private static String name(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
