package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Failure never loses data: under throttling, server errors and dropped connections every reachable
 * slice ends exactly equal to the fake's inventory, and the slices that cannot be fetched keep
 * their rows from the last clean run and are the only ones reported.
 */
class ChaosTest {
  private static final String SOURCE = "111111111111";
  private static final List<String> ACCOUNTS =
      List.of("210000000001", "210000000002", "210000000003");
  private static final String DENIED = ACCOUNTS.get(2);
  private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-northeast-1");
  private static final Map<String, String> ID_COLUMNS =
      Map.of(
          "aws_ec2_instances",
          "instance_id",
          "aws_ec2_vpcs",
          "vpc_id",
          "aws_ec2_subnets",
          "subnet_id",
          "aws_ec2_security_groups",
          "group_id");

  private FakeAws aws;
  private TestDatabase pg;
  private String url;
  private Path config;
  private final Map<String, String> roles = new java.util.HashMap<>();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    Credentials source = aws.sourceUser(SOURCE);
    StringBuilder accounts = new StringBuilder();
    for (String account : ACCOUNTS) {
      roles.put(account, aws.account(account).role("InventoryRead", SOURCE));
      aws.account(account).regions(REGIONS.toArray(String[]::new));
      accounts
          .append("  - account_name: acct-")
          .append(account.substring(9))
          .append("\n    role_arn: \"")
          .append(roles.get(account))
          .append("\"\n");
      for (String region : REGIONS) {
        long seed = (account + region).hashCode();
        aws.account(account)
            .region(region)
            .fill("DescribeInstances", 6, seed)
            .fill("DescribeVpcs", 5, seed)
            .fill("DescribeSubnets", 5, seed)
            .fill("DescribeSecurityGroups", 5, seed);
      }
    }
    url = pg.newDatabase();
    config =
        LegacyConfig.write(
            dir.resolve("chaos.yml"),
            pg.port(),
            url,
            "[ec2.instances, ec2.vpcs, ec2.subnets, ec2.security_groups, regions]",
            """
        regions: ["*"]
        max_retries: 10
        max_backoff: 1
        custom_endpoint_url: "%s"
        accounts:
        %s"""
                .formatted(aws.endpoint(), accounts));
    System.setProperty("aws.accessKeyId", source.accessKeyId());
    System.setProperty("aws.secretAccessKey", source.secretAccessKey());
  }

  @AfterEach
  void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.close();
    pg.close();
  }

  @Test
  void throttlingErrorsResetsAndADeniedAccountLoseNothing() throws Exception {
    assertThat(run().code).isZero();
    Set<String> deniedBefore = ids(DENIED);
    assertThat(deniedBefore).hasSize(3 * (6 * 2 + 5 + 5 + 5));

    for (String account : ACCOUNTS) {
      for (String region : REGIONS) {
        aws.account(account)
            .region(region)
            .fill("DescribeInstances", 4, 77)
            .fill("DescribeVpcs", 3, 77);
      }
    }
    aws.faults().seed(7).throttleRate(0.3).errorRate(0.05).resetRate(0.03);
    aws.denyAssumeRole(roles.get(DENIED));
    Run chaos = run();

    assertThat(chaos.code).as(chaos.output).isEqualTo(2);
    assertThat(aws.faults().throttled()).isPositive();
    for (String account : ACCOUNTS.subList(0, 2)) {
      assertThat(ids(account)).as(account).isEqualTo(inventory(account));
    }
    assertThat(ids(DENIED)).isEqualTo(deniedBefore);
    assertThat(Files.readString(dir.resolve("summary.json")))
        .contains(
            "\"status\": \"partial\"",
            "\"account\": \""
                + DENIED
                + "\", \"account_name\": \"acct-003\", \"region\": \"*\", \"table\": \"*\"");
    assertThat(lastRunFailures()).containsExactly(DENIED + "/*/*");
  }

  @Test
  void anActionThatIsNotAllowedFailsOnlyItsTable() throws Exception {
    assertThat(run().code).isZero();
    long subnets = TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_subnets");
    aws.faults().unauthorized("DescribeSubnets");
    for (String region : REGIONS) {
      aws.account(ACCOUNTS.get(0))
          .region(region)
          .fill("DescribeSubnets", 1, 99)
          .fill("DescribeVpcs", 2, 99);
    }
    Run r = run();
    assertThat(r.code).as(r.output).isEqualTo(2);
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_subnets")).isEqualTo(subnets);
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM aws_ec2_vpcs WHERE account_id = '" + ACCOUNTS.get(0) + "'"))
        .isEqualTo(2L * REGIONS.size());
    Set<String> expected = new HashSet<>();
    for (String account : ACCOUNTS) {
      for (String region : REGIONS) {
        expected.add(account + "/" + region + "/aws_ec2_subnets");
      }
    }
    assertThat(lastRunFailures()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            TestDatabase.query(
                url,
                "SELECT DISTINCT error_code FROM aws_inventory_sync_slices WHERE status = 'failed'"))
        .containsExactly(Map.of("error_code", "UnauthorizedOperation"));
  }

  private Set<String> lastRunFailures() {
    Set<String> out = new HashSet<>();
    TestDatabase.query(
            url,
            "SELECT account_id, region, table_name FROM aws_inventory_sync_slices WHERE status = 'failed' "
                + "AND run_id = (SELECT run_id FROM aws_inventory_sync_runs ORDER BY started_at DESC LIMIT 1)")
        .forEach(
            r -> out.add(r.get("account_id") + "/" + r.get("region") + "/" + r.get("table_name")));
    return out;
  }

  /** account/region/table/id of every row of an account. */
  private Set<String> ids(String account) {
    Set<String> out = new HashSet<>();
    ID_COLUMNS.forEach(
        (table, column) ->
            TestDatabase.query(
                    url,
                    "SELECT region, "
                        + column
                        + " AS id FROM "
                        + table
                        + " WHERE account_id = '"
                        + account
                        + "'")
                .forEach(
                    r ->
                        out.add(
                            account + "/" + r.get("region") + "/" + table + "/" + r.get("id"))));
    return out;
  }

  /** The same, from what the fake holds. */
  private Set<String> inventory(String account) {
    Set<String> out = new HashSet<>();
    for (String region : REGIONS) {
      String p = account + "/" + region + "/";
      var r = aws.account(account).region(region);
      r.items("DescribeInstances")
          .forEach(
              i ->
                  ((Reservation) i)
                      .instances()
                      .forEach(x -> out.add(p + "aws_ec2_instances/" + x.instanceId())));
      r.items("DescribeVpcs").forEach(i -> out.add(p + "aws_ec2_vpcs/" + ((Vpc) i).vpcId()));
      r.items("DescribeSubnets")
          .forEach(i -> out.add(p + "aws_ec2_subnets/" + ((Subnet) i).subnetId()));
      r.items("DescribeSecurityGroups")
          .forEach(i -> out.add(p + "aws_ec2_security_groups/" + ((SecurityGroup) i).groupId()));
    }
    return out;
  }

  private Run run() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code =
        new InventoryPipeline(out, out)
            .run(
                new String[] {
                  "--config=" + config,
                  "--summary-file=" + dir.resolve("summary.json"),
                  "--page-size=2"
                })
            .exitCode();
    return new Run(code, buffer.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String output) {}
}
