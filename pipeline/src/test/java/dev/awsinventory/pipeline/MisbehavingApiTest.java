package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.Faults.TokenFault;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APIs that misbehave: a NextToken that repeats or cycles fails its slice with "pagination did not
 * advance" (SDK paginators and hand-written NextToken loops alike, a child table's per-parent loop
 * included), and a slice that runs past its deadline fails; the other slices are fetched, the run
 * ends and exits 2.
 */
class MisbehavingApiTest {
  private static final String TARGET = "357935793579";

  @TempDir Path dir;

  @Test
  void repeatedAndCyclingTokensFailOnlyTheirSlices() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(TARGET).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(TARGET).regions("us-east-1");
      aws.account(TARGET)
          .region("us-east-1")
          .fill("DescribeVpcs", 10, 1)
          .fill("DescribeVpcEndpointServices", 10, 1)
          .fill("DescribeSubnets", 10, 1)
          .fill("DescribeSpotFleetRequests", 2, 1)
          .fill("DescribeSpotFleetInstances", 10, 1);
      aws.faults()
          .nextToken("DescribeVpcs", TokenFault.CYCLE)
          .nextToken("DescribeVpcEndpointServices", TokenFault.REPEAT)
          .nextToken("DescribeSpotFleetInstances", TokenFault.CYCLE);
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir,
              aws,
              role,
              url,
              List.of(
                  "aws_ec2_vpcs",
                  "aws_ec2_vpc_endpoint_services",
                  "aws_ec2_subnets",
                  "aws_ec2_spot_fleet_instances"),
              List.of("us-east-1"),
              "");

      InventoryRun.Result r = InventoryRun.run(source, "--config=" + config, "--pageSize=2");

      assertThat(r.code()).as(r.output()).isEqualTo(2);
      assertThat(r.summary().failed())
          .extracting(f -> f.table() + ":" + f.errorCode())
          .containsExactlyInAnyOrder(
              "aws_ec2_vpcs:PaginationStalledException",
              "aws_ec2_vpc_endpoint_services:PaginationStalledException",
              "aws_ec2_spot_fleet_instances:PaginationStalledException");
      assertThat(r.summary().failed())
          .allSatisfy(
              f -> assertThat(f.errorMessage()).startsWith("pagination did not advance: Describe"));
      assertThat(r.summary().tables())
          .containsEntry("aws_ec2_subnets", 10L)
          .containsEntry("aws_ec2_spot_fleet_requests", 2L);
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_subnets")).isEqualTo(10);
      // rows of pages received before the guard stopped the slice are true rows and are written
      // (streamed); the failed slice only skips its stale deletion
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isBetween(0L, 10L);
      // page 1, page 2, then the two repeated tokens: the guard stops at the second repeat
      assertThat(aws.calls(TARGET, "us-east-1", "DescribeVpcs")).isEqualTo(4);
      assertThat(aws.calls(TARGET, "us-east-1", "DescribeVpcEndpointServices")).isEqualTo(3);
    }
  }

  @Test
  void aSlicePastItsDeadlineFailsAndTheOthersFinish() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(TARGET).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(TARGET).regions("us-east-1");
      aws.account(TARGET)
          .region("us-east-1")
          .fill("DescribeVpcs", 60, 1)
          .fill("DescribeSubnets", 2, 1);
      aws.faults().latency(Duration.ofMillis(150));
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

      InventoryRun.Result r =
          InventoryRun.run(source, "--config=" + config, "--pageSize=1", "--sliceTimeoutSeconds=3");

      assertThat(r.code()).as(r.output()).isEqualTo(2);
      assertThat(r.summary().failed())
          .extracting(f -> f.table() + ":" + f.errorCode())
          .containsExactly("aws_ec2_vpcs:SliceDeadlineExceededException");
      assertThat(r.summary().tables()).containsEntry("aws_ec2_subnets", 2L);
      long calls = aws.calls(TARGET, "us-east-1", "DescribeVpcs");
      assertThat(calls).isLessThan(60);
      // one VPC per page: at most the pages received before the deadline were written
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs"))
          .isLessThanOrEqualTo(calls);
    }
  }
}
