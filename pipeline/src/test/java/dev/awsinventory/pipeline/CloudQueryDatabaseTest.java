package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A database that CloudQuery's PostgreSQL destination filled, used as it is: its three key shapes
 * (default {@code <table>_cqpk} on arn, {@code pk_mode: cq-id-only}, append without a key), {@code
 * timestamp without time zone} columns and CloudQuery's rows, with the JVM in a non-UTC time zone.
 * The run succeeds; in the fetched slices CloudQuery's stale rows are gone and the new rows hold
 * the fake's times as UTC wall-clock; other slices and other sources keep their rows; and
 * CloudQuery's own statements still work on the tables afterwards.
 */
class CloudQueryDatabaseTest {
  private static final String ACCOUNT = "999999999999";
  private static final String OLD_SYNC = "2024-02-01 00:00:00";
  private static final Instant LAUNCH = Instant.parse("2024-03-01T10:11:12.345Z");
  @TempDir Path dir;

  @Test
  void aCloudQueryDatabaseIsUsedAsItIs() throws Exception {
    TimeZone jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(ACCOUNT).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(ACCOUNT).regions("us-east-1", "us-west-2");
      var east = aws.account(ACCOUNT).region("us-east-1");
      east.put(
          "DescribeInstances",
          List.of(
              Reservation.builder()
                  .instances(
                      Instance.builder().instanceId("i-kept").launchTime(LAUNCH).build(),
                      Instance.builder()
                          .instanceId("i-new")
                          .launchTime(LAUNCH.plusSeconds(3600))
                          .build())
                  .build()));
      east.put("DescribeVpcs", List.of(Vpc.builder().vpcId("vpc-kept").isDefault(true).build()));
      east.put(
          "DescribeSecurityGroups",
          List.of(SecurityGroup.builder().groupId("sg-kept").groupName("web").build()));

      String url = pg.newDatabase();
      TestDatabase.execute(
          url,
          new String(
              getClass().getResourceAsStream("/cloudquery/tables.sql").readAllBytes(),
              StandardCharsets.UTF_8));
      for (String table : List.of("aws_ec2_instances", "aws_ec2_vpcs", "aws_ec2_security_groups")) {
        String type =
            table
                .substring("aws_ec2_".length(), table.length() - 1)
                .replace("security_group", "security-group");
        String id =
            table.equals("aws_ec2_instances")
                ? "i-"
                : table.equals("aws_ec2_vpcs") ? "vpc-" : "sg-";
        cloudQueryRow(url, table, "aws", "us-east-1", type, id + "kept");
        cloudQueryRow(url, table, "aws", "us-east-1", type, id + "gone");
        cloudQueryRow(url, table, "aws", "us-west-2", type, id + "west");
        cloudQueryRow(url, table, "other-source", "us-east-1", type, id + "other");
      }
      String catalogBefore = catalog(url);

      Path config =
          InventoryRun.config(
              dir,
              aws,
              role,
              url,
              List.of("aws_ec2_instances", "aws_ec2_vpcs", "aws_ec2_security_groups"),
              List.of("us-east-1"),
              "");
      InventoryRun.Result run = InventoryRun.run(source, "--config=" + config);
      assertThat(run.code()).as(run.output()).isZero();

      assertThat(rows(url, "aws_ec2_instances", "instance_id"))
          .containsExactlyInAnyOrder(
              "aws/us-east-1/i-kept/new",
              "aws/us-east-1/i-new/new",
              "aws/us-west-2/i-west/old",
              "other-source/us-east-1/i-other/old");
      assertThat(rows(url, "aws_ec2_vpcs", "vpc_id"))
          .containsExactlyInAnyOrder(
              "aws/us-east-1/vpc-kept/new",
              "aws/us-west-2/vpc-west/old",
              "other-source/us-east-1/vpc-other/old");
      assertThat(rows(url, "aws_ec2_security_groups", "group_id"))
          .containsExactlyInAnyOrder(
              "aws/us-east-1/sg-kept/new",
              "aws/us-west-2/sg-west/old",
              "other-source/us-east-1/sg-other/old");

      assertThat(
              TestDatabase.query(
                  url,
                  "SELECT instance_id, launch_time::text AS t FROM aws_ec2_instances "
                      + "WHERE _cq_source_name = 'aws' AND region = 'us-east-1' ORDER BY 1"))
          .containsExactly(
              Map.of("instance_id", "i-kept", "t", "2024-03-01 10:11:12.345"),
              Map.of("instance_id", "i-new", "t", "2024-03-01 11:11:12.345"));
      for (String table : List.of("aws_ec2_instances", "aws_ec2_vpcs", "aws_ec2_security_groups")) {
        assertThat(
                TestDatabase.count(
                    url,
                    "SELECT count(*) FROM "
                        + table
                        + " t JOIN aws_inventory_sync_runs r "
                        + "ON t._cq_sync_time = (r.sync_time AT TIME ZONE 'UTC') WHERE t._cq_source_name = 'aws' "
                        + "AND t.region = 'us-east-1'"))
            .as(table + ": _cq_sync_time is the run's sync time in UTC")
            .isPositive();
      }
      String catalogAfter = catalog(url);
      assertThat(catalogAfter)
          .as("CloudQuery's columns, types and keys are as they were")
          .contains(catalogBefore.split("\n"));
      assertThat(
              TestDatabase.query(
                  url,
                  "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid "
                      + "= 'aws_ec2_instances'::regclass"))
          .containsExactly(Map.of("conname", "aws_ec2_instances_cqpk"));

      // CloudQuery's next sync: its upsert on the key and its stale deletion
      TestDatabase.execute(
          url,
          "INSERT INTO aws_ec2_instances (_cq_source_name, _cq_sync_time, _cq_id, account_id, "
              + "region, arn, instance_id) VALUES ('aws', '2030-01-01 00:00:00', gen_random_uuid(), '"
              + ACCOUNT
              + "', 'us-east-1', '"
              + arn("us-east-1", "instance", "i-kept")
              + "', 'i-kept') ON CONFLICT ON CONSTRAINT "
              + "aws_ec2_instances_cqpk DO UPDATE SET _cq_sync_time = EXCLUDED._cq_sync_time, _cq_id = EXCLUDED._cq_id");
      TestDatabase.execute(
          url,
          "DELETE FROM aws_ec2_instances WHERE _cq_source_name = 'aws' "
              + "AND _cq_sync_time < '2030-01-01 00:00:00'");
      assertThat(rows(url, "aws_ec2_instances", "instance_id"))
          .containsExactlyInAnyOrder(
              "aws/us-east-1/i-kept/new", "other-source/us-east-1/i-other/old");
    } finally {
      TimeZone.setDefault(jvmZone);
    }
  }

  /**
   * Append mode on CloudQuery's append table (no key, unique _cq_id) and its cq-id-only table: each
   * run adds its rows; and a keyless table without a unique _cq_id (written by deleting the batch's
   * keys, then inserting) keeps one row per resource in overwrite mode.
   */
  @Test
  void appendAddsEveryRunsRowsAndAKeylessTableIsOverwrittenByKey() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(ACCOUNT).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(ACCOUNT).regions("us-east-1");
      var east = aws.account(ACCOUNT).region("us-east-1");
      east.fill("DescribeVpcs", 3, 1);
      east.fill("DescribeSecurityGroups", 2, 1);
      String ddl =
          new String(
              getClass().getResourceAsStream("/cloudquery/tables.sql").readAllBytes(),
              StandardCharsets.UTF_8);
      List<String> tables = List.of("aws_ec2_vpcs", "aws_ec2_security_groups");

      String append = pg.newDatabase();
      TestDatabase.execute(append, ddl);
      cloudQueryRow(
          append, "aws_ec2_security_groups", "aws", "us-east-1", "security-group", "sg-cq");
      Path appendConfig =
          withMode(
              InventoryRun.config(dir, aws, role, append, tables, List.of("us-east-1"), ""),
              "append");
      for (int i = 0; i < 2; i++) {
        InventoryRun.Result run = InventoryRun.run(source, "--config=" + appendConfig);
        assertThat(run.code()).as(run.output()).isZero();
      }
      assertThat(TestDatabase.count(append, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(6);
      assertThat(TestDatabase.count(append, "SELECT count(*) FROM aws_ec2_security_groups"))
          .isEqualTo(5);
      assertThat(
              TestDatabase.count(append, "SELECT count(DISTINCT _cq_sync_time) FROM aws_ec2_vpcs"))
          .isEqualTo(2);

      String keyless = pg.newDatabase();
      TestDatabase.execute(
          keyless, ddl.replace("\"_cq_id\" uuid UNIQUE NOT NULL", "\"_cq_id\" uuid NOT NULL"));
      cloudQueryRow(
          keyless, "aws_ec2_security_groups", "aws", "us-west-2", "security-group", "sg-west");
      Path overwrite =
          withMode(
              InventoryRun.config(dir, aws, role, keyless, tables, List.of("us-east-1"), ""),
              "overwrite");
      for (int i = 0; i < 2; i++) {
        InventoryRun.Result run = InventoryRun.run(source, "--config=" + overwrite);
        assertThat(run.code()).as(run.output()).isZero();
      }
      assertThat(
              TestDatabase.count(
                  keyless,
                  "SELECT count(*) FROM aws_ec2_security_groups WHERE region = 'us-east-1'"))
          .isEqualTo(2);
      assertThat(
              TestDatabase.count(
                  keyless, "SELECT count(DISTINCT arn) FROM aws_ec2_security_groups"))
          .isEqualTo(3);
      assertThat(TestDatabase.count(keyless, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(3);
    }
  }

  private static Path withMode(Path config, String mode) throws Exception {
    String text =
        java.nio.file.Files.readString(config)
            .replace(
                "  path: cloudquery/postgresql\n",
                "  path: cloudquery/postgresql\n  write_mode: " + mode + "\n");
    java.nio.file.Files.writeString(config, text);
    return config;
  }

  /** A row as CloudQuery writes it: a random _cq_id, its sync time as UTC wall-clock. */
  private static void cloudQueryRow(
      String url, String table, String sourceName, String region, String type, String id) {
    String idColumn =
        table.equals("aws_ec2_instances")
            ? "instance_id"
            : table.equals("aws_ec2_vpcs") ? "vpc_id" : "group_id";
    String extra = table.equals("aws_ec2_instances") ? ", launch_time" : "";
    String extraValue = table.equals("aws_ec2_instances") ? ", '2023-01-01 00:00:00'" : "";
    TestDatabase.execute(
        url,
        "INSERT INTO "
            + table
            + " (_cq_source_name, _cq_sync_time, _cq_id, account_id, region, arn, tags, "
            + idColumn
            + extra
            + ") VALUES ('"
            + sourceName
            + "', '"
            + OLD_SYNC
            + "', gen_random_uuid(), '"
            + ACCOUNT
            + "', '"
            + region
            + "', '"
            + arn(region, type, id)
            + "', '{}', '"
            + id
            + "'"
            + extraValue
            + ")");
  }

  private static String arn(String region, String type, String id) {
    return "arn:aws:ec2:" + region + ":" + ACCOUNT + ":" + type + "/" + id;
  }

  /** source/region/id/(old|new) of every row: old rows still have CloudQuery's sync time. */
  private static List<String> rows(String url, String table, String idColumn) {
    return TestDatabase.query(
            url,
            "SELECT _cq_source_name AS s, region, "
                + idColumn
                + " AS id, _cq_sync_time = '"
                + OLD_SYNC
                + "' AS old FROM "
                + table)
        .stream()
        .map(
            r ->
                r.get("s")
                    + "/"
                    + r.get("region")
                    + "/"
                    + r.get("id")
                    + "/"
                    + ((Boolean) r.get("old") ? "old" : "new"))
        .toList();
  }

  /** Every column with its type, and every constraint, of the three tables, one per line. */
  private static String catalog(String url) {
    StringBuilder out = new StringBuilder();
    TestDatabase.query(
            url,
            "SELECT table_name || '.' || column_name || ' ' || data_type AS l FROM "
                + "information_schema.columns WHERE table_name LIKE 'aws_ec2_%' UNION ALL SELECT conrelid::regclass || ' ' "
                + "|| pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text LIKE 'aws_ec2_%' ORDER BY 1")
        .forEach(r -> out.append(r.get("l")).append('\n'));
    return out.toString();
  }
}
