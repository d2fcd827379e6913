package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.fetch.ErrorPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service control policy that explicitly denies every EC2 call in one (account, region): the pair
 * is reported once, not once per table and child table, and its rows are kept; with {@code
 * denied_regions: skip} its slices are recorded as skipped and the run exits 0.
 */
class DeniedRegionTest {
  private static final String TARGET = "468046804680";
  private static final List<String> TABLES =
      List.of("aws_ec2_vpcs", "aws_ec2_subnets", "aws_ec2_launch_template_versions");

  @TempDir Path dir;

  @Test
  void anScpDeniedRegionIsReportedOnceOrSkipped() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(TARGET).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(TARGET).regions("us-east-1", "us-west-2");
      for (String region : List.of("us-east-1", "us-west-2")) {
        aws.account(TARGET)
            .region(region)
            .fill("DescribeVpcs", 3, 1)
            .fill("DescribeSubnets", 4, 1)
            .fill("DescribeLaunchTemplates", 2, 1)
            .fill("DescribeLaunchTemplateVersions", 2, 1);
      }
      String url = pg.newDatabase();
      Path failing = InventoryRun.config(dir, aws, role, url, TABLES, List.of("*"), "");
      Path skipping =
          InventoryRun.config(dir, aws, role, url, TABLES, List.of("*"), "denied_regions: skip");
      InventoryRun.Result first = InventoryRun.run(source, "--config=" + failing);
      assertThat(first.code()).as(first.output()).isZero();
      String westRows = "SELECT count(*) FROM aws_ec2_subnets WHERE region = 'us-west-2'";
      assertThat(TestDatabase.count(url, westRows)).isEqualTo(4);

      aws.faults().denyRegion(TARGET, "us-west-2");
      InventoryRun.Result denied = InventoryRun.run(source, "--config=" + failing);

      assertThat(denied.code()).as(denied.output()).isEqualTo(2);
      assertThat(denied.summary().failed())
          .hasSize(4)
          .allSatisfy(
              f -> {
                assertThat(f.region()).isEqualTo("us-west-2");
                assertThat(f.errorCode()).isEqualTo(ErrorPolicy.REGION_DENIED);
              });
      assertThat(denied.summary().deniedRegions())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.accountId()).isEqualTo(TARGET);
                assertThat(d.region()).isEqualTo("us-west-2");
                assertThat(d.tables()).isEqualTo(4);
                assertThat(d.skipped()).isFalse();
                assertThat(d.error())
                    .contains("UnauthorizedOperation", "explicit deny in a service control policy");
              });
      assertThat(denied.summary().text().lines().filter(l -> l.contains("us-west-2"))).hasSize(1);
      assertThat(denied.summary().json())
          .contains(
              "\"denied_regions\": [\n    {\"account\": \""
                  + TARGET
                  + "\", \"account_name\": \"target\", \"region\": \"us-west-2\", \"status\": \"failed\", \"tables\": 4");
      assertThat(TestDatabase.count(url, westRows)).isEqualTo(4);
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM aws_ec2_launch_template_versions "
                      + "WHERE region = 'us-west-2'"))
          .isPositive();

      InventoryRun.Result skipped = InventoryRun.run(source, "--config=" + skipping);

      assertThat(skipped.code()).as(skipped.output()).isZero();
      assertThat(skipped.summary().status()).isEqualTo(Summary.Status.OK);
      assertThat(skipped.summary().failed()).isEmpty();
      assertThat(skipped.summary().skipped()).hasSize(4);
      assertThat(skipped.summary().deniedRegions())
          .singleElement()
          .satisfies(d -> assertThat(d.skipped()).isTrue());
      assertThat(skipped.summary().text()).contains("SKIPPED account " + TARGET);
      assertThat(TestDatabase.count(url, westRows)).isEqualTo(4);
      assertThat(
              TestDatabase.query(
                  url,
                  "SELECT DISTINCT s.status FROM aws_inventory_sync_slices s "
                      + "JOIN aws_inventory_sync_runs r USING (run_id) WHERE s.region = 'us-west-2' "
                      + "AND r.run_id = (SELECT run_id FROM aws_inventory_sync_runs ORDER BY started_at DESC LIMIT 1)"))
          .containsExactly(Map.of("status", "skipped"));
      assertThat(skipped.summary().tables()).containsEntry("aws_ec2_subnets", 4L);
    }
  }
}
