package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS calls an account costs before its slices, on the DirectRunner, where the driver checks
 * each account before the run with the clients the pipeline then uses: one AssumeRole, one
 * DescribeRegions (the checks' answer is the pipeline's), and no GetCallerIdentity when the role's
 * ARN gives the account id.
 */
class CallsPerAccountTest {
  private static final String TARGET = "222222222222";

  @TempDir Path dir;

  @Test
  void anAccountIsAssumedAndItsRegionsDescribedOncePerRun() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(TARGET).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(TARGET).regions("us-east-1", "eu-west-1");
      aws.account(TARGET).region("eu-west-1").fill("DescribeVpcs", 2, 1);
      Path config =
          InventoryRun.config(
              dir, aws, role, pg.newDatabase(), List.of("aws_ec2_vpcs"), List.of("*"), "");

      InventoryRun.Result run = InventoryRun.run(source, "--config=" + config);

      assertThat(run.code()).as(run.output()).isZero();
      assertThat(run.summary().tables()).containsEntry("aws_ec2_vpcs", 2L);
      assertThat(aws.calls(TARGET, "us-east-1", "DescribeRegions"))
          .as("DescribeRegions of the account")
          .isEqualTo(1);
      assertThat(aws.assumeRoleCalls()).hasSize(1);
      assertThat(aws.calls("GetCallerIdentity")).isZero();
      assertThat(aws.calls(TARGET, "eu-west-1", "DescribeVpcs")).isEqualTo(1);
    }
  }
}
