package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * overwrite keeps rows no longer listed; append keeps every sync's rows; switching is refused
 * clearly.
 */
class WriteModeTest {
  @TempDir Path dir;

  @Test
  void overwriteAndAppendKeepWhatTheyPromise() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("999999999999").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("999999999999").regions("us-east-1");
      var region = aws.account("999999999999").region("us-east-1");

      String overwrite = pg.newDatabase();
      region.fill("DescribeVpcs", 3, 1);
      Path config =
          withMode(
              InventoryRun.config(
                  dir, aws, role, overwrite, List.of("aws_ec2_vpcs"), List.of("us-east-1"), ""),
              "overwrite");
      assertThat(InventoryRun.run(source, "--config=" + config).code()).isZero();
      region.fill("DescribeVpcs", 2, 10);
      assertThat(InventoryRun.run(source, "--config=" + config).code()).isZero();
      assertThat(TestDatabase.count(overwrite, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(5);

      String append = pg.newDatabase();
      region.fill("DescribeVpcs", 3, 1);
      Path appendConfig =
          withMode(
              InventoryRun.config(
                  dir, aws, role, append, List.of("aws_ec2_vpcs"), List.of("us-east-1"), ""),
              "append");
      assertThat(InventoryRun.run(source, "--config=" + appendConfig).code()).isZero();
      assertThat(InventoryRun.run(source, "--config=" + appendConfig).code()).isZero();
      assertThat(TestDatabase.count(append, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(6);
      assertThat(
              TestDatabase.count(append, "SELECT count(DISTINCT _cq_sync_time) FROM aws_ec2_vpcs"))
          .isEqualTo(2);

      InventoryRun.Result refused =
          InventoryRun.run(
              source,
              "--config="
                  + withMode(
                      InventoryRun.config(
                          dir,
                          aws,
                          role,
                          append,
                          List.of("aws_ec2_vpcs"),
                          List.of("us-east-1"),
                          ""),
                      "overwrite-delete-stale"));
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.output())
          .contains(
              "table aws_ec2_vpcs has primary key",
              "write_mode overwrite-delete-stale needs [arn]");
      assertThat(TestDatabase.count(append, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(6);
    }
  }

  private static Path withMode(Path config, String mode) throws Exception {
    String text =
        Files.readString(config)
            .replace(
                "  path: cloudquery/postgresql\n",
                "  path: cloudquery/postgresql\n  write_mode: " + mode + "\n");
    Files.writeString(config, text);
    return config;
  }
}
