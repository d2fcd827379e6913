package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.Faults;
import dev.awsinventory.testing.db.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A database shared with other sessions, on a real PostgreSQL: an open transaction that wrote to a
 * table does not stop a run (and no DDL runs when the catalog matches); a reader that blocks a
 * needed schema change makes the run fail within lock_timeout, naming it, without queueing other
 * readers longer; a deadlock in the stale deletion is retried; two runs of one source never
 * overlap, two runs of different sources do.
 */
class SharedDatabaseTest {
  private static final String ACCOUNT = "999999999999";
  private static final Duration GUARD = Duration.ofMinutes(4);
  @TempDir Path dir;
  private FakeAws aws;
  private TestDatabase pg;
  private String role;
  private String url;

  @BeforeEach
  void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    Credentials source = aws.sourceUser(InventoryRun.SOURCE);
    System.setProperty("aws.accessKeyId", source.accessKeyId());
    System.setProperty("aws.secretAccessKey", source.secretAccessKey());
    role = aws.account(ACCOUNT).role("InventoryRead", InventoryRun.SOURCE);
    aws.account(ACCOUNT).regions("us-east-1");
    vpcs("vpc-a", "vpc-b", "vpc-c");
    url = pg.newDatabase();
  }

  @AfterEach
  void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.close();
    pg.close();
  }

  @Test
  void anOpenTransactionThatWroteToATableDoesNotStopARunAndNoDdlRuns() throws Exception {
    Path config = config("aws");
    assertThat(run(config).code).isZero();
    TestDatabase.recordDdl(url);
    vpcs("vpc-c", "vpc-d");
    try (Connection other = session("dashboard");
        Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      s.execute("LOCK TABLE aws_ec2_vpcs IN ROW EXCLUSIVE MODE");
      s.execute("LOCK TABLE aws_inventory_sync_slices IN ROW EXCLUSIVE MODE");
      Run run =
          CompletableFuture.supplyAsync(() -> run(config)).get(GUARD.toSeconds(), TimeUnit.SECONDS);
      assertThat(run.code).as(run.output).isZero();
      other.rollback();
    }
    assertThat(TestDatabase.ddl(url)).isEmpty();
    assertThat(TestDatabase.query(url, "SELECT vpc_id FROM aws_ec2_vpcs ORDER BY 1"))
        .containsExactly(Map.of("vpc_id", "vpc-c"), Map.of("vpc_id", "vpc-d"));
  }

  @Test
  void aReaderBlockingANeededColumnFailsTheRunWithinLockTimeoutNamingIt() throws Exception {
    Path config = config("aws");
    assertThat(run(config).code).isZero();
    TestDatabase.execute(url, "ALTER TABLE aws_ec2_vpcs DROP COLUMN is_default");
    try (Connection reader = session("nightly-report");
        Statement s = reader.createStatement();
        Connection third = session("dashboard");
        Statement t = third.createStatement()) {
      reader.setAutoCommit(false);
      s.executeQuery("SELECT count(*) FROM aws_ec2_vpcs").close();
      int readerPid = pid(reader);
      CompletableFuture<Run> run =
          CompletableFuture.supplyAsync(() -> run(config, "--lock-timeout-seconds=3"));
      waitUntil(
          () ->
              TestDatabase.count(
                      url,
                      "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                          + "AND query LIKE 'ALTER TABLE \"aws_ec2_vpcs\" ADD COLUMN%'")
                  > 0,
          run);
      CompletableFuture<Long> select =
          CompletableFuture.supplyAsync(
              () -> {
                try (ResultSet rs = t.executeQuery("SELECT count(*) FROM aws_ec2_vpcs")) {
                  rs.next();
                  return rs.getLong(1);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Run failed = run.get(GUARD.toSeconds(), TimeUnit.SECONDS);
      assertThat(failed.code).as(failed.output).isEqualTo(1);
      assertThat(failed.output)
          .contains(
              "table aws_ec2_vpcs stayed locked for more than 3 s (lock_timeout) by "
                  + "session pid "
                  + readerPid
                  + " (application \"nightly-report\", state \"idle in transaction\"",
              "AccessShareLock",
              "ALTER TABLE \"aws_ec2_vpcs\" ADD COLUMN \"is_default\" boolean");
      assertThat(select.get(GUARD.toSeconds(), TimeUnit.SECONDS))
          .as("the third session's SELECT ended while " + "the reader still held its lock")
          .isEqualTo(3);
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM pg_locks WHERE pid = "
                      + readerPid
                      + " AND relation = 'aws_ec2_vpcs'::regclass"))
          .isEqualTo(1);
      reader.rollback();
    }
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                    + "'aws_ec2_vpcs' AND column_name = 'is_default'"))
        .as("nothing changed")
        .isZero();
    assertThat(run(config).code).isZero();
  }

  @Test
  void aRowKeptLockedByAnotherSessionEndsTheRunWithinTheSocketTimeout() throws Exception {
    Path config = config("aws");
    assertThat(run(config).code).isZero();
    try (Connection other = session("psql");
        Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      s.executeQuery("SELECT 1 FROM aws_ec2_vpcs WHERE vpc_id = 'vpc-a' FOR UPDATE").close();
      Run run =
          CompletableFuture.supplyAsync(() -> run(config, "--db-socket-timeout-seconds=2"))
              .get(GUARD.toSeconds(), TimeUnit.SECONDS);
      assertThat(run.code).as(run.output).isEqualTo(1);
      assertThat(run.output).contains("the pipeline failed");
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                      + "'aws-inventory' AND wait_event_type = 'Lock'"))
          .as("no session of the run still waits")
          .isZero();
      other.rollback();
    }
    assertThat(run(config).code).isZero();
  }

  @Test
  void aDeadlockInTheStaleDeletionIsRetried() throws Exception {
    Path config = config("aws");
    assertThat(run(config).code).isZero();
    vpcs("vpc-c");
    TestDatabase.execute(
        url,
        "ALTER DATABASE "
            + url.substring(url.lastIndexOf('/') + 1)
            + " SET deadlock_timeout = '3s'");
    List<Map<String, Object>> stale =
        TestDatabase.query(
            url,
            "SELECT ctid::text AS ctid, vpc_id FROM aws_ec2_vpcs "
                + "WHERE vpc_id <> 'vpc-c' ORDER BY ctid");
    assertThat(stale).hasSize(2);
    String first = (String) stale.get(0).get("vpc_id");
    String last = (String) stale.get(1).get("vpc_id");
    long deadlocks = deadlocks();
    try (Connection other = session("psql");
        Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      s.execute("SET deadlock_timeout = '60s'");
      s.executeQuery("SELECT 1 FROM aws_ec2_vpcs WHERE vpc_id = '" + last + "' FOR UPDATE").close();
      CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> run(config));
      // the deletion has deleted the first stale row and waits for the last: lock the first too
      waitUntil(
          () ->
              TestDatabase.count(
                      url,
                      "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                          + "AND query LIKE 'DELETE FROM \"aws_ec2_vpcs\"%'")
                  > 0,
          run);
      s.executeQuery("SELECT 1 FROM aws_ec2_vpcs WHERE vpc_id = '" + first + "' FOR UPDATE")
          .close();
      waitUntil(() -> deadlocks() > deadlocks, run);
      other.commit();
      Run done = run.get(GUARD.toSeconds(), TimeUnit.SECONDS);
      assertThat(done.code).as(done.output).isZero();
    }
    assertThat(TestDatabase.query(url, "SELECT vpc_id FROM aws_ec2_vpcs"))
        .containsExactly(Map.of("vpc_id", "vpc-c"));
  }

  @Test
  void runsOfOneSourceNeverOverlapAndRunsOfTwoSourcesDo() throws Exception {
    Path a = config("aws");
    Path b = config("aws-shard-b");
    assertThat(run(a).code).isZero();
    // the run that takes the lock is held inside its fetch until the other runs have been tried
    Faults.Hold inFetch = aws.faults().holdNext("DescribeVpcs");
    CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> run(a));
    assertThat(inFetch.awaitReached(GUARD)).as("the first run reached its fetch").isTrue();
    Run refused = run(a);
    assertThat(refused.code).isEqualTo(1);
    assertThat(refused.output)
        .contains(
            "another run of source aws is in progress (started at 20",
            ", host " + InventoryPipeline.host() + ", database session pid ");
    CompletableFuture<Run> waiting =
        CompletableFuture.supplyAsync(() -> run(a, "--wait-for-lock=600"));
    Run other =
        CompletableFuture.supplyAsync(() -> run(b)).get(GUARD.toSeconds(), TimeUnit.SECONDS);
    assertThat(other.code).as(other.output).isZero();
    assertThat(first.isDone()).as("the first run is still held").isFalse();
    inFetch.release();
    assertThat(first.get(GUARD.toSeconds(), TimeUnit.SECONDS).code).isZero();
    assertThat(waiting.get(GUARD.toSeconds(), TimeUnit.SECONDS).code).isZero();
    aws.faults().clear();

    List<Map<String, Object>> runs =
        TestDatabase.query(
            url,
            "SELECT source_name, started_at, finished_at "
                + "FROM aws_inventory_sync_runs ORDER BY started_at");
    assertThat(runs).hasSize(4).allMatch(r -> r.get("finished_at") != null);
    // in start order: the first sync of source aws, the run that held the lock, the one that waited
    List<Map<String, Object>> ofA =
        runs.stream().filter(r -> r.get("source_name").equals("aws")).toList();
    assertThat(ofA).hasSize(3);
    Map<String, Object> one = ofA.get(1);
    Map<String, Object> waited = ofA.get(2);
    Map<String, Object> shard =
        runs.stream().filter(r -> r.get("source_name").equals("aws-shard-b")).findFirst().get();
    assertThat(overlap(one, shard)).as("two sources side by side").isTrue();
    assertThat(overlap(one, waited)).as("one source, one run at a time").isFalse();
  }

  @Test
  void twoSourcesStartingTogetherOnAnEmptyDatabaseBothSucceed() throws Exception {
    Path a = config("aws");
    Path b = config("aws-shard-b");
    CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> run(a));
    CompletableFuture<Run> second = CompletableFuture.supplyAsync(() -> run(b));
    Run one = first.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    Run two = second.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    assertThat(one.code).as(one.output).isZero();
    assertThat(two.code).as(two.output).isZero();
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(3);
  }

  private static boolean overlap(Map<String, Object> x, Map<String, Object> y) {
    return ((java.sql.Timestamp) x.get("started_at"))
            .before((java.sql.Timestamp) y.get("finished_at"))
        && ((java.sql.Timestamp) y.get("started_at"))
            .before((java.sql.Timestamp) x.get("finished_at"));
  }

  private long deadlocks() {
    TestDatabase.query(url, "SELECT pg_stat_clear_snapshot()");
    return TestDatabase.count(
        url, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
  }

  private void vpcs(String... ids) {
    aws.account(ACCOUNT)
        .region("us-east-1")
        .put(
            "DescribeVpcs",
            java.util.Arrays.stream(ids).map(id -> Vpc.builder().vpcId(id).build()).toList());
  }

  private Path config(String sourceName) throws Exception {
    Path file =
        InventoryRun.config(dir, aws, role, url, List.of("aws_ec2_vpcs"), List.of("us-east-1"), "");
    Files.writeString(
        file, Files.readString(file).replaceFirst("name: aws\n", "name: " + sourceName + "\n"));
    return file;
  }

  private Connection session(String application) throws Exception {
    Connection c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
    try (Statement s = c.createStatement()) {
      s.execute("SET application_name = '" + application + "'");
    }
    return c;
  }

  private static int pid(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Polls until the condition holds; fails if the run ends first or the guard passes. */
  private static void waitUntil(BooleanSupplier condition, CompletableFuture<Run> run)
      throws Exception {
    long end = System.nanoTime() + GUARD.toNanos();
    while (!condition.getAsBoolean()) {
      if (run.isDone()) {
        throw new AssertionError("the run ended first: " + run.get().output);
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not reached");
      }
      Thread.sleep(20);
    }
  }

  private static Run run(Path config, String... more) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    String[] args = new String[more.length + 1];
    args[0] = "--config=" + config;
    System.arraycopy(more, 0, args, 1, more.length);
    int code = new InventoryPipeline(out, out).run(args).exitCode();
    return new Run(code, buffer.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String output) {}
}
