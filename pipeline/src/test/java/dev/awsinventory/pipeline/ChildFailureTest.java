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
 * A child table's failure does not fail its parent; a parent's failure fails its children without
 * deleting their rows; --fail-on=fatal lets a scheduler take partial results as success.
 */
class ChildFailureTest {
  @TempDir Path dir;

  @Test
  void childAndParentFailuresStayInTheirOwnSlices() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("135791357913").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("135791357913").regions("us-east-1");
      aws.account("135791357913")
          .region("us-east-1")
          .fill("DescribeLaunchTemplates", 2, 1)
          .fill("DescribeLaunchTemplateVersions", 2, 1);
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir,
              aws,
              role,
              url,
              List.of("aws_ec2_launch_template_versions"),
              List.of("us-east-1"),
              "");
      assertThat(InventoryRun.run(source, "--config=" + config).code()).isZero();
      long versions =
          TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_launch_template_versions");
      assertThat(versions).isPositive();

      aws.faults().unauthorized("DescribeLaunchTemplateVersions");
      aws.account("135791357913").region("us-east-1").fill("DescribeLaunchTemplates", 3, 50);
      InventoryRun.Result childFailed = InventoryRun.run(source, "--config=" + config);
      assertThat(childFailed.code()).as(childFailed.output()).isEqualTo(2);
      assertThat(childFailed.summary().failed())
          .extracting(f -> f.table() + ":" + f.errorCode())
          .containsExactly("aws_ec2_launch_template_versions:UnauthorizedOperation");
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_launch_templates"))
          .isEqualTo(3);
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_launch_template_versions"))
          .isEqualTo(versions);

      aws.faults()
          .authorized("DescribeLaunchTemplateVersions")
          .unauthorized("DescribeLaunchTemplates");
      InventoryRun.Result parentFailed =
          InventoryRun.run(source, "--config=" + config, "--fail-on=fatal");
      assertThat(parentFailed.code()).as("partial results accepted with --fail-on=fatal").isZero();
      assertThat(parentFailed.summary().status()).isEqualTo(Summary.Status.PARTIAL);
      assertThat(parentFailed.summary().failed())
          .extracting(f -> f.table() + ":" + f.errorCode())
          .containsExactlyInAnyOrder(
              "aws_ec2_launch_templates:UnauthorizedOperation",
              "aws_ec2_launch_template_versions:ParentFailed");
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_launch_templates"))
          .isEqualTo(3);
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_launch_template_versions"))
          .isEqualTo(versions);
    }
  }
}
