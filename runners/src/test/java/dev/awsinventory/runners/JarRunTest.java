package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar against the fake AWS, with the seed's config: exit 0, then 2 when a role is
 * denied.
 */
class JarRunTest {
  private static FakeAws aws;
  private static TestDatabase pg;
  private static SeedScenario seed;
  private static Map<String, String> env;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    seed = new SeedScenario(aws);
    env =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            seed.sourceUser.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY",
            seed.sourceUser.secretAccessKey(),
            "AWS_REGION",
            "us-east-1");
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  @Test
  void fetchesBothTargetAccountsThenReportsADeniedOneWithExit2() throws Exception {
    String url = pg.newDatabase();
    Path config = seed.writeConfig(dir, pg.port(), url.substring(url.lastIndexOf('/') + 1));
    Path summary = dir.resolve("out/summary.json");

    Jar.Result ok = Jar.run(env, dir, "--config=" + config, "--summary-file=" + summary);
    assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(0);
    assertThat(ok.stdout()).contains("aws-inventory run", ": ok in", "aws_ec2_instances");
    assertThat(Files.readString(summary)).contains("\"status\": \"ok\"");
    long instances = TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_instances");
    assertThat(instances).isEqualTo(seed.expectedInstances().size());
    long ofB =
        TestDatabase.count(
            url,
            "SELECT count(*) FROM aws_ec2_instances WHERE account_id = '" + SeedScenario.B + "'");
    assertThat(ofB).isEqualTo(6);

    aws.denyAssumeRole(seed.roleB);
    try {
      Jar.Result partial = Jar.run(env, dir, "--config=" + config, "--summary-file=" + summary);
      assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(2);
      assertThat(partial.stderr())
          .contains("partial", "FAILED * account 333333333333 (target_account_b)", "AccessDenied");
      assertThat(Files.readString(summary))
          .contains("\"status\": \"partial\"", "\"account\": \"333333333333\"");
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_instances"))
          .isEqualTo(instances);
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM aws_ec2_instances WHERE account_id = '"
                      + SeedScenario.B
                      + "'"))
          .isEqualTo(ofB);
    } finally {
      aws.allowAssumeRole(seed.roleB);
    }
  }

  @Test
  void withoutAConnectionItUsesAnEmbeddedDatabaseThatPersists() throws Exception {
    Path config = seed.writeEmbeddedConfig(dir);
    Path dbDir = dir.resolve("state");
    int port = freePort();
    String[] args = {"--config=" + config, "--db-dir=" + dbDir, "--db-port=" + port};

    Jar.Result first = Jar.run(env, dir, args);
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
    assertThat(first.stdout())
        .contains(
            "jdbc:postgresql://localhost:" + port + "/postgres",
            "psql -h localhost -p " + port + " -U postgres postgres",
            "--hold-db=true");
    Jar.Result second = Jar.run(env, dir, args);
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(0);

    try (EmbeddedPostgres pgAgain =
            EmbeddedPostgres.builder()
                .setDataDirectory(dbDir.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        Connection c = pgAgain.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM aws_ec2_instances), "
                    + "(SELECT count(*) FROM aws_inventory_sync_runs WHERE status = 'ok')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(seed.expectedInstances().size());
      assertThat(rs.getLong(2)).isEqualTo(2);
    }
  }

  /** With --hold-db=true the database is up to be queried while the jar waits for Ctrl-C. */
  @Test
  void holdDbKeepsTheEmbeddedDatabaseUpAndSaysSoUntilStopped() throws Exception {
    Path config = seed.writeEmbeddedConfig(dir);
    int port = freePort();
    Path work = Files.createDirectories(dir.resolve("hold"));
    Jar.Started held =
        Jar.start(
            List.of(),
            env,
            work,
            "--config=" + config,
            "--db-dir=" + work.resolve("state"),
            "--db-port=" + port,
            "--hold-db=true");
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (!Files.readString(held.out()).contains("press Ctrl-C to stop")) {
        assertThat(held.process().isAlive()).as("%s", Files.readString(held.err())).isTrue();
        assertThat(System.nanoTime()).as("the jar did not hold the database").isLessThan(deadline);
        Thread.sleep(200);
      }
      assertThat(Files.readString(held.out()))
          .contains("Query the data now: psql -h localhost -p " + port + " -U postgres postgres")
          .doesNotContain("run again with --hold-db=true");
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM aws_ec2_instances")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(seed.expectedInstances().size());
      }
    } finally {
      held.process().destroy();
      assertThat(held.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
