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
 * DescribeRegions denied (a narrow role or an SCP): regions listed by name are fetched and only
 * aws_regions fails (exit 2); with {@code *} or a glob the account fails, saying that
 * DescribeRegions is needed to expand the pattern.
 */
class DescribeRegionsDeniedTest {
  private static final String TARGET = "579157915791";

  @TempDir Path dir;

  @Test
  void listedRegionsAreFetchedAndPatternsFailTheAccount() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account(TARGET).role("InventoryRead", InventoryRun.SOURCE);
      aws.account(TARGET).regions("us-east-1", "eu-west-1", "eu-central-1");
      aws.account(TARGET).region("us-east-1").fill("DescribeVpcs", 2, 1);
      aws.account(TARGET).region("eu-west-1").fill("DescribeVpcs", 3, 10);
      aws.account(TARGET).region("eu-central-1").fill("DescribeVpcs", 5, 20);
      aws.faults().unauthorized("DescribeRegions");
      String url = pg.newDatabase();
      List<String> tables = List.of("aws_ec2_vpcs", "aws_regions");

      InventoryRun.Result listed =
          InventoryRun.run(
              source,
              "--config="
                  + InventoryRun.config(
                      dir, aws, role, url, tables, List.of("us-east-1", "eu-west-1"), ""));

      assertThat(listed.code()).as(listed.output()).isEqualTo(2);
      assertThat(listed.summary().failed())
          .extracting(f -> f.table() + ":" + f.errorCode())
          .containsExactly("aws_regions:UnauthorizedOperation");
      assertThat(listed.summary().tables()).containsEntry("aws_ec2_vpcs", 5L);
      assertThat(
              TestDatabase.count(
                  url, "SELECT count(*) FROM aws_ec2_vpcs WHERE region = 'eu-west-1'"))
          .isEqualTo(3);

      for (String pattern : List.of("*", "eu-*")) {
        InventoryRun.Result expanded =
            InventoryRun.run(
                source,
                "--config="
                    + InventoryRun.config(dir, aws, role, url, tables, List.of(pattern), ""));
        assertThat(expanded.code()).as(expanded.output()).isEqualTo(1);
        // the check before the run finds it: the account's one line, then no account usable
        assertThat(expanded.output())
            .contains(
                "account target (" + TARGET + "): DescribeRegions is denied",
                "needed to expand the region pattern '" + pattern + "'",
                "no account usable");
        assertThat(expanded.summary().error()).contains("no account usable");
      }
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(5);
    }
  }
}
