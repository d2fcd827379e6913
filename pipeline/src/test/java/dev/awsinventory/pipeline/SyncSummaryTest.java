package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send_sync_summary: true} adds one cloudquery_sync_summaries row per run, with CloudQuery's
 * columns.
 */
class SyncSummaryTest {
  @TempDir Path dir;

  @Test
  void eachRunWritesOneSummaryRowWhenTheDestinationAsks() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("888888888888").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("888888888888").regions("us-east-1");
      aws.account("888888888888").region("us-east-1").fill("DescribeVpcs", 4, 1);
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir, aws, role, url, List.of("aws_ec2_vpcs"), List.of("us-east-1"), "");
      Files.writeString(
          config,
          Files.readString(config)
              .replace(
                  "  path: cloudquery/postgresql\n",
                  "  path: cloudquery/postgresql\n  send_sync_summary: true\n"));

      InventoryRun.Result r = InventoryRun.run(source, "--config=" + config);
      assertThat(r.code()).as(r.output()).isZero();
      InventoryRun.Result again = InventoryRun.run(source, "--config=" + config);
      assertThat(again.code()).as(again.output()).isZero();

      List<Map<String, Object>> rows =
          TestDatabase.query(
              url,
              "SELECT _cq_source_name, sync_id, "
                  + "resources::text AS resources, source_errors::text AS source_errors, array_to_string(source_tables, ',') AS tables, "
                  + "resources_per_table->>'aws_ec2_vpcs' AS vpcs, errors_per_table->>'aws_ec2_vpcs' AS vpc_errors, "
                  + "destination_path, source_path, _cq_sync_time IS NOT NULL AS timed "
                  + "FROM cloudquery_sync_summaries ORDER BY _cq_sync_time");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0))
          .containsEntry("_cq_source_name", "aws")
          .containsEntry("sync_id", r.summary().runId())
          .containsEntry("resources", "4")
          .containsEntry("source_errors", "0")
          .containsEntry("tables", "aws_ec2_vpcs")
          .containsEntry("vpcs", "4")
          .containsEntry("vpc_errors", "0")
          .containsEntry("destination_path", "cloudquery/postgresql")
          .containsEntry("source_path", "cloudquery/aws")
          .containsEntry("timed", true);
      assertThat(rows.get(1)).containsEntry("sync_id", again.summary().runId());
    }
  }

  @Test
  void withoutTheKeyNoSummaryTableIsMade() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("888888888888").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("888888888888").regions("us-east-1");
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir, aws, role, url, List.of("aws_ec2_vpcs"), List.of("us-east-1"), "");
      InventoryRun.Result r = InventoryRun.run(source, "--config=" + config);
      assertThat(r.code()).as(r.output()).isZero();
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM information_schema.tables "
                      + "WHERE table_name = 'cloudquery_sync_summaries'"))
          .isZero();
    }
  }
}
