package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import dev.awsinventory.transforms.model.Scope;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.postgres.SyncTables;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tables: ["*"]} over two accounts and two regions fills every table, and every slice counts
 * its calls.
 */
class AllTablesTest {
  private static final String SOURCE = "111111111111";
  private static final List<String> ACCOUNTS = List.of("555555555555", "666666666666");
  private static final List<String> REGIONS = List.of("us-east-1", "ap-southeast-2");

  @TempDir Path dir;

  @Test
  void everyTableIsFilledFromEveryAccountAndRegion() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(SOURCE);
      StringBuilder accounts = new StringBuilder();
      for (String account : ACCOUNTS) {
        String role = aws.account(account).role("InventoryRead", SOURCE);
        aws.account(account).regions(REGIONS.toArray(String[]::new));
        accounts.append("  - role_arn: \"").append(role).append("\"\n");
        for (String region : REGIONS) {
          for (Table<?> t : TableRegistry.all()) {
            if (!t.name().equals("aws_regions") && t.scope() != Scope.ORGANIZATION) {
              for (String action : t.apiCalls()) {
                aws.account(account)
                    .region(region)
                    .fill(action, 2, (account + region + action).hashCode());
              }
            }
          }
        }
      }
      String url = pg.newDatabase();
      Path config =
          LegacyConfig.write(
              dir.resolve("all.yml"),
              pg.port(),
              url,
              "[\"*\"]",
              """
          regions: ["*"]
          custom_endpoint_url: "%s"
          accounts:
          %s"""
                  .formatted(aws.endpoint(), accounts));
      System.setProperty("aws.accessKeyId", source.accessKeyId());
      System.setProperty("aws.secretAccessKey", source.secretAccessKey());
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      int code;
      try {
        code =
            new InventoryPipeline(new PrintStream(buffer, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {"--config=" + config})
                .exitCode();
      } finally {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
      }
      assertThat(code).as(buffer.toString(StandardCharsets.UTF_8)).isZero();
      for (Table<?> t : TableRegistry.all()) {
        if (t.scope() == Scope.ORGANIZATION) {
          continue; // written only when accounts come from an org block
        }
        assertThat(TestDatabase.count(url, "SELECT count(DISTINCT account_id) FROM " + t.name()))
            .as("accounts in %s", t.name())
            .isEqualTo(ACCOUNTS.size());
      }
      assertThat(TestDatabase.count(url, "SELECT count(DISTINCT region) FROM aws_ec2_vpcs"))
          .isEqualTo(REGIONS.size());
      // every call a table makes is counted for its slice, whatever form the table calls it in
      assertThat(
              TestDatabase.count(
                  url, "SELECT count(*) FROM " + SyncTables.SLICES + " WHERE pages < 1"))
          .isZero();
    }
  }
}
