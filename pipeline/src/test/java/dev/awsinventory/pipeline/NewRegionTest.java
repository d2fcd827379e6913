package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region name newer than the SDK's list is accepted by the config with a warning, fetched where
 * DescribeRegions lists it, and a failed slice for the account where it does not.
 */
class NewRegionTest {
  @TempDir Path dir;

  @Test
  void aNewRegionIsFetchedWhereListedAndFailsClearlyWhereNot() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("999999999999").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("999999999999").regions("us-east-1", "eu-central-3");
      aws.account("999999999999").region("eu-central-3").fill("DescribeVpcs", 2, 1);
      aws.account("999999999999").region("us-east-1").fill("DescribeVpcs", 1, 1);
      String db = pg.newDatabase();

      Path listed =
          InventoryRun.config(
              dir,
              aws,
              role,
              db,
              List.of("aws_ec2_vpcs"),
              List.of("us-east-1", "eu-central-3"),
              "");
      InventoryRun.Result ok = InventoryRun.run(source, "--config=" + listed);
      assertThat(ok.code()).as(ok.output()).isZero();
      assertThat(ok.summary().tables()).containsEntry("aws_ec2_vpcs", 3L);
      assertThat(ok.output())
          .contains("warning: " + listed + ":")
          .contains("region 'eu-central-3' is not in this version's AWS SDK region list");

      Path unlisted =
          InventoryRun.config(
              dir,
              aws,
              role,
              db,
              List.of("aws_ec2_vpcs"),
              List.of("us-east-1", "eu-central-4"),
              "");
      InventoryRun.Result partial = InventoryRun.run(source, "--config=" + unlisted);
      assertThat(partial.code()).as(partial.output()).isEqualTo(2);
      assertThat(partial.summary().tables()).containsEntry("aws_ec2_vpcs", 1L);
      assertThat(partial.summary().failed())
          .extracting(SliceOutcome::region, SliceOutcome::errorCode)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("eu-central-4", "UnknownRegion"));
      assertThat(partial.summary().status()).isEqualTo(Summary.Status.PARTIAL);
    }
  }
}
