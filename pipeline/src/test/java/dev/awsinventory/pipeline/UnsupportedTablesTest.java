package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudQuery tables this tool does not fetch: named in {@code tables} they are warned about once
 * and listed in the summary while the run goes on; in {@code skip_tables} they are accepted.
 */
class UnsupportedTablesTest {
  @TempDir Path dir;

  @Test
  void explicitTablesNotFetchedAreReportedAndTheRunGoesOn() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("999999999999").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("999999999999").regions("us-east-1");
      aws.account("999999999999").region("us-east-1").fill("DescribeVpcs", 3, 1);
      Path config =
          InventoryRun.config(
              dir,
              aws,
              role,
              pg.newDatabase(),
              List.of("aws_ec2_vpcs", "aws_s3_buckets", "aws_iam_*"),
              List.of("us-east-1"),
              "");
      Files.writeString(
          config,
          Files.readString(config)
              .replace(
                  "  destinations:",
                  "  skip_tables: [aws_cloudtrail_events, aws_docdb_cluster_parameter_groups, \"aws_ssm_*\"]\n"
                      + "  destinations:"));
      Path summaryFile = dir.resolve("summary.json");

      InventoryRun.Result r =
          InventoryRun.run(source, "--config=" + config, "--summary-file=" + summaryFile);

      assertThat(r.code()).as(r.output()).isZero();
      assertThat(r.summary().tables()).containsEntry("aws_ec2_vpcs", 3L);
      assertThat(r.summary().unsupportedTables()).containsExactly("aws_s3_buckets", "aws_iam_*");
      assertThat(r.output().lines().filter(l -> l.startsWith("warning: not fetched")))
          .containsExactly(
              "warning: not fetched, aws-inventory does not have these CloudQuery"
                  + " tables: aws_s3_buckets, aws_iam_*; the run goes on");
      assertThat(r.output())
          .contains(
              "unsupported_tables (CloudQuery tables not fetched): aws_s3_buckets, aws_iam_*");
      assertThat(Files.readString(summaryFile, StandardCharsets.UTF_8).replaceAll("\\s", ""))
          .contains("\"unsupported_tables\":[\"aws_s3_buckets\",\"aws_iam_*\"]");
    }
  }
}
