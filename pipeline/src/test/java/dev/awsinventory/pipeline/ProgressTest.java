package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.postgres.ProgressTable;
import dev.awsinventory.transforms.postgres.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run slowed by AWS latency prints a progress line every second (from the progress table the
 * workers fill), with counts that grow, and ends with 100%.
 */
class ProgressTest {
  private static final Pattern LINE =
      Pattern.compile("progress: (\\d+)/(\\d+) slices \\((\\d+)%\\), (\\d+) resources");
  @TempDir Path dir;

  @Test
  void aSlowRunPrintsGrowingProgressLinesAndEndsAt100Percent() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("888888888888").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("888888888888").regions("us-east-1", "eu-west-1");
      for (String region : List.of("us-east-1", "eu-west-1")) {
        aws.account("888888888888")
            .region(region)
            .fill("DescribeVpcs", 6, 1)
            .fill("DescribeSubnets", 6, 2)
            .fill("DescribeSecurityGroups", 6, 3);
      }
      aws.faults().latency(Duration.ofMillis(150));
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir,
              aws,
              role,
              url,
              List.of("aws_ec2_vpcs", "aws_ec2_subnets", "aws_ec2_security_groups"),
              List.of("us-east-1", "eu-west-1"),
              "");

      InventoryRun.Result r =
          InventoryRun.run(
              source,
              "--config=" + config,
              "--page-size=1",
              "--progress-interval=1",
              "--fetch-concurrency=1",
              "--targetParallelism=1");

      assertThat(r.code()).as(r.output()).isZero();
      List<String> lines =
          r.output()
              .lines()
              .filter(l -> l.startsWith("progress: ") && l.contains(" slices "))
              .toList();
      assertThat(lines).as(r.output()).hasSizeGreaterThanOrEqualTo(3);
      long previousDone = -1;
      long previousResources = -1;
      for (String line : lines) {
        Matcher m = LINE.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        long done = Long.parseLong(m.group(1));
        long resources = Long.parseLong(m.group(4));
        assertThat(done).as(line).isGreaterThanOrEqualTo(previousDone);
        assertThat(resources).as(line).isGreaterThanOrEqualTo(previousResources);
        previousDone = done;
        previousResources = resources;
      }
      assertThat(lines.stream().map(l -> l.replaceAll(",.*", "")).distinct().count())
          .as("the counts grow during the run: " + lines)
          .isGreaterThanOrEqualTo(3);
      assertThat(lines.get(lines.size() - 1))
          .as(r.output())
          .startsWith(
              "progress: 6/6 slices (100%), 36 resources, 0 failed slices, 0 throttled calls")
          .endsWith(", done");
      assertThat(
              TestDatabase.count(
                  url, "SELECT count(*) FROM " + ProgressTable.NAME + " WHERE status = 'ok'"))
          .isEqualTo(6);
    }
  }

  /**
   * The progress lines come over the run's session (the one holding the run lock): the reporter
   * opens none of its own, and leaves that session open when it stops.
   */
  @Test
  void theLinesOfARunComeOverTheRunsSessionAndOpenNone() throws Exception {
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      Database db = new Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
      String sessions =
          "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
              + "AND application_name = '"
              + Database.APPLICATION
              + "'";
      try (Connection held = db.connect()) {
        Schema.ensure(held, List.of(), WriteMode.OVERWRITE_DELETE_STALE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress =
            Progress.start(
                new RunSession(held, db),
                "00000000-0000-0000-0000-000000000001",
                new PrintStream(out, true, StandardCharsets.UTF_8),
                1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 2
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(TestDatabase.count(url, sessions)).as("sessions between two lines").isEqualTo(1);

        progress.close();

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
            .last()
            .asString()
            .startsWith("progress: resolving accounts and regions");
        assertThat(held.isClosed()).as("the run's session closed by the reporter").isFalse();
        assertThat(TestDatabase.count(url, sessions))
            .as("sessions after the last line")
            .isEqualTo(1);
      }
    }
  }

  @Test
  void theLineSaysRateAndEta() {
    assertThat(Progress.line(new ProgressTable.Counts(10, 4, 1, 200, 3), 8.0))
        .isEqualTo(
            "progress: 4/10 slices (40%), 200 resources, 1 failed slices, 3 throttled calls, 25.0 resources/s, ETA 12 s");
    assertThat(Progress.line(new ProgressTable.Counts(5, 0, 0, 0, 0), 1.0)).endsWith("ETA unknown");
    assertThat(Progress.line(new ProgressTable.Counts(0, 0, 0, 0, 0), 2.0))
        .isEqualTo("progress: resolving accounts and regions (2 s)");
  }
}
