package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.postgres.SourceLock;
import dev.awsinventory.transforms.postgres.SyncTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's work goes over the session that holds the run lock; when that session is gone (the
 * server ended it), each piece of work gets a session of its own, which ends with it.
 */
class RunSessionTest {
  @TempDir Path dir;

  private static final String OURS =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
          + "AND application_name = '"
          + Database.APPLICATION
          + "'";

  @Test
  void workGoesOverTheHeldSessionAndANewOneOnlyOnceItIsGone() throws Exception {
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      Database db = new Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
      try (Connection held = db.connect()) {
        RunSession session = new RunSession(held, db);
        int heldPid = pid(held);

        assertThat(session.<Integer, RuntimeException>call(RunSessionTest::pid)).isEqualTo(heldPid);
        Connection used = session.<Connection, RuntimeException>call(c -> c);
        assertThat(used).isSameAs(held);
        assertThat(TestDatabase.count(url, OURS)).as("sessions while the held one answers").isOne();

        TestDatabase.execute(url, "SELECT pg_terminate_backend(" + heldPid + ")");

        int first = session.<Integer, RuntimeException>call(RunSessionTest::pid);
        int second = session.<Integer, RuntimeException>call(RunSessionTest::pid);
        assertThat(first).isNotEqualTo(heldPid);
        assertThat(second).isNotEqualTo(heldPid).isNotEqualTo(first);
        assertThat(TestDatabase.count(url, OURS)).as("new sessions end with their work").isZero();
      }
    }
  }

  @Test
  void theWorksOwnFailureComesThroughAndTheSessionStaysUsable() throws Exception {
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      Database db = new Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
      try (Connection held = db.connect()) {
        RunSession session = new RunSession(held, db);

        assertThatThrownBy(
                () ->
                    session.call(
                        c -> {
                          try (Statement s = c.createStatement()) {
                            return s.execute("SELECT * FROM no_such_table");
                          }
                        }))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("no_such_table");
        assertThat(session.<Integer, RuntimeException>call(RunSessionTest::pid))
            .isEqualTo(pid(held));
      }
    }
  }

  /**
   * A run whose lock session the server ends while it fetches (an administrator's {@code
   * pg_terminate_backend}, a failover) goes on: its progress lines and its outcome come over
   * sessions of their own, and the run is recorded as ended, not left {@code running}.
   */
  @Test
  void aRunWhoseLockSessionIsEndedMidwayStillRecordsItsOutcome() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("888888888888").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("888888888888").regions("us-east-1");
      aws.account("888888888888")
          .region("us-east-1")
          .fill("DescribeVpcs", 8, 1)
          .fill("DescribeSubnets", 8, 2);
      aws.faults().latency(Duration.ofMillis(200));
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir,
              aws,
              role,
              url,
              List.of("aws_ec2_vpcs", "aws_ec2_subnets"),
              List.of("us-east-1"),
              "");
      String lockSession =
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
              + " AND application_name LIKE '"
              + SourceLock.APPLICATION
              + "%'";
      CompletableFuture<Integer> ended =
          CompletableFuture.supplyAsync(
              () -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline) {
                  // once the run is recorded as running, its slices are being fetched
                  List<Map<String, Object>> rows =
                      running(url) ? TestDatabase.query(url, lockSession) : List.of();
                  if (!rows.isEmpty()) {
                    int pid = (Integer) rows.get(0).get("pid");
                    TestDatabase.execute(url, "SELECT pg_terminate_backend(" + pid + ")");
                    return pid;
                  }
                  sleep(20);
                }
                return -1;
              });

      InventoryRun.Result r =
          InventoryRun.run(
              source,
              "--config=" + config,
              "--page-size=1",
              "--progress-interval=1",
              "--fetch-concurrency=1",
              "--targetParallelism=1");

      assertThat(ended.get()).as("the lock session was found and ended").isPositive();
      assertThat(r.code()).as(r.output()).isZero();
      assertThat(r.output()).contains("progress: 2/2 slices (100%), 16 resources");
      assertThat(
              TestDatabase.query(
                  url,
                  "SELECT status, resources, finished_at IS NOT NULL AS finished FROM "
                      + SyncTables.RUNS))
          .as(r.output())
          .containsExactly(Map.of("status", "ok", "resources", 16L, "finished", true));
    }
  }

  private static boolean running(String url) {
    try {
      return TestDatabase.count(
              url, "SELECT count(*) FROM " + SyncTables.RUNS + " WHERE status = 'running'")
          > 0;
    } catch (IllegalStateException e) {
      return false; // the table is not there yet
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
