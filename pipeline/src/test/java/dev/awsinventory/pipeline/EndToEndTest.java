package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's situation end to end on the DirectRunner: the real AWS SDK over HTTP to the fake AWS,
 * a real PostgreSQL. Each test starts from an empty database and a fresh fake with the seed, runs
 * its own first sync, then its change (a resync, a removed resource, a denied role); the PostgreSQL
 * server is shared, each test has its own database.
 */
class EndToEndTest {
  private static TestDatabase pg;
  @TempDir Path dir;
  private FakeAws aws;
  private SeedScenario seed;
  private String url;
  private Path config;

  @BeforeAll
  static void startDatabaseServer() {
    pg = TestDatabase.start();
  }

  @AfterAll
  static void stopDatabaseServer() throws Exception {
    pg.close();
  }

  @BeforeEach
  void start() throws Exception {
    aws = FakeAws.start();
    seed = new SeedScenario(aws);
    url = pg.newDatabase();
    config = seed.writeConfig(dir, pg.port(), url.substring(url.lastIndexOf('/') + 1));
    System.setProperty("aws.accessKeyId", seed.sourceUser.accessKeyId());
    System.setProperty("aws.secretAccessKey", seed.sourceUser.secretAccessKey());
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.close();
  }

  @Test
  void firstSyncHoldsExactlyTheTargetAccountsResources() throws Exception {
    Run run = run();
    assertThat(run.exitCode).as(run.output).isEqualTo(0);
    assertThat(instances()).isEqualTo(seed.expectedInstances());
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM aws_ec2_instances WHERE account_id = '"
                    + SeedScenario.SOURCE
                    + "'"))
        .isZero();
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(8);
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_subnets")).isEqualTo(8);
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_security_groups"))
        .isEqualTo(8);
    assertThat(
            TestDatabase.query(
                url, "SELECT account_id, region, enabled FROM aws_regions ORDER BY 1, 2"))
        .extracting(r -> r.get("account_id") + "/" + r.get("region") + "/" + r.get("enabled"))
        .contains(
            SeedScenario.A + "/ap-southeast-3/false",
            SeedScenario.A + "/us-east-1/true",
            SeedScenario.B + "/eu-west-1/true")
        .noneMatch(s -> s.startsWith(SeedScenario.SOURCE));
    assertThat(
            TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs WHERE region = 'us-west-2'"))
        .isZero();
    assertThat(aws.calls(SeedScenario.A, "us-east-1", "DescribeInstances"))
        .isGreaterThanOrEqualTo(3);

    String summary = Files.readString(dir.resolve("summary.json"));
    assertThat(summary)
        .contains(
            "\"status\": \"ok\"",
            "\"failed_slices\": []",
            "\"aws_ec2_instances\": " + seed.expectedInstances().size());
  }

  @Test
  void everyColumnOfAFullyPopulatedResourceIsFilled() {
    firstSync();
    for (String table :
        List.of(
            "aws_ec2_instances", "aws_ec2_vpcs", "aws_ec2_subnets", "aws_ec2_security_groups")) {
      List<Map<String, Object>> rows =
          TestDatabase.query(url, "SELECT * FROM " + table + " WHERE arn NOT LIKE '%i-big%'");
      assertThat(rows).as(table).isNotEmpty();
      for (Map<String, Object> row : rows) {
        row.forEach(
            (column, value) -> {
              if (!column.equals("_cq_parent_id")) {
                assertThat(value).as("%s.%s of %s", table, column, row.get("arn")).isNotNull();
              }
            });
      }
      assertThat(
              TestDatabase.count(
                  url, "SELECT count(*) FROM " + table + " WHERE jsonb_typeof(tags) <> 'object'"))
          .as(table + " tags are objects")
          .isZero();
    }
    assertThat(
            TestDatabase.query(
                url,
                "SELECT jsonb_typeof(state) AS s, jsonb_typeof(block_device_mappings) AS b "
                    + "FROM aws_ec2_instances WHERE instance_id = '"
                    + SeedScenario.instanceId(SeedScenario.A, "us-east-1", 0)
                    + "'"))
        .containsExactly(Map.of("s", "object", "b", "array"));
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM aws_ec2_instances WHERE "
                    + "state_transition_reason_time = '2024-03-01 10:11:12+00' AND account_id = '"
                    + SeedScenario.A
                    + "'"))
        .isEqualTo(2);
  }

  @Test
  void aSecondRunLeavesTheSameRowsWithTheSameIds() throws Exception {
    firstSync();
    Map<String, String> firstIds = ids();
    assertThat(firstIds).isNotEmpty();
    Run run = run();
    assertThat(run.exitCode).as(run.output).isEqualTo(0);
    assertThat(ids()).isEqualTo(firstIds);
  }

  @Test
  void aRemovedResourceIsGoneOnlyFromItsSlice() throws Exception {
    firstSync();
    String gone = SeedScenario.instanceId(SeedScenario.A, "us-east-1", 1);
    aws.account(SeedScenario.A)
        .region("us-east-1")
        .remove(
            "DescribeInstances",
            r ->
                ((software.amazon.awssdk.services.ec2.model.Reservation) r)
                    .instances().stream().anyMatch(i -> i.instanceId().equals(gone)));
    Run run = run();
    assertThat(run.exitCode).as(run.output).isEqualTo(0);
    Set<String> expected = new HashSet<>(seed.expectedInstances());
    expected.remove(SeedScenario.A + "/us-east-1/" + gone);
    assertThat(instances()).isEqualTo(expected);
  }

  @Test
  void aDeniedAccountFailsItsSlicesAndKeepsItsRows() throws Exception {
    firstSync();
    long rowsOfB =
        TestDatabase.count(
            url,
            "SELECT count(*) FROM aws_ec2_instances WHERE account_id = '" + SeedScenario.B + "'");
    assertThat(rowsOfB).isEqualTo(6);
    aws.denyAssumeRole(seed.roleB);
    try {
      Run run = run();
      assertThat(run.exitCode).as(run.output).isEqualTo(2);
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM aws_ec2_instances WHERE account_id = '"
                      + SeedScenario.B
                      + "'"))
          .isEqualTo(rowsOfB);
      String summary = Files.readString(dir.resolve("summary.json"));
      assertThat(summary)
          .contains(
              "\"status\": \"partial\"",
              "\"account\": \"333333333333\"",
              "\"account_name\": \"target_account_b\"",
              "\"error_code\": \"AccessDenied\"");
      assertThat(run.output).contains("FAILED * account 333333333333 (target_account_b)");
      assertThat(
              TestDatabase.query(
                  url,
                  "SELECT account_id, table_name, region, error_code FROM "
                      + "aws_inventory_sync_slices s JOIN aws_inventory_sync_runs r USING (run_id) "
                      + "WHERE s.status = 'failed' AND r.status = 'partial'"))
          .containsExactly(
              Map.of(
                  "account_id",
                  SeedScenario.B,
                  "table_name",
                  "*",
                  "region",
                  "*",
                  "error_code",
                  "AccessDenied"));
    } finally {
      aws.allowAssumeRole(seed.roleB);
    }
  }

  /** The first sync of the seed, which every later run is compared with. */
  private void firstSync() {
    Run run = run();
    assertThat(run.exitCode).as(run.output).isEqualTo(0);
    assertThat(instances()).isEqualTo(seed.expectedInstances());
  }

  private Run run() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code =
        new InventoryPipeline(out, out)
            .run(
                new String[] {
                  "--config=" + config, "--summary-file=" + dir.resolve("summary.json")
                })
            .exitCode();
    return new Run(code, buffer.toString(StandardCharsets.UTF_8));
  }

  private Set<String> instances() {
    Set<String> out = new HashSet<>();
    TestDatabase.query(url, "SELECT account_id, region, instance_id FROM aws_ec2_instances")
        .forEach(
            r -> out.add(r.get("account_id") + "/" + r.get("region") + "/" + r.get("instance_id")));
    return out;
  }

  private Map<String, String> ids() {
    Map<String, String> out = new HashMap<>();
    for (String table :
        List.of(
            "aws_ec2_instances", "aws_ec2_vpcs", "aws_ec2_subnets", "aws_ec2_security_groups")) {
      TestDatabase.query(url, "SELECT arn, _cq_id FROM " + table)
          .forEach(r -> out.put(String.valueOf(r.get("arn")), String.valueOf(r.get("_cq_id"))));
    }
    return out;
  }

  private record Run(int exitCode, String output) {}
}
