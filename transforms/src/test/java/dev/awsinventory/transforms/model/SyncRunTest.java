package dev.awsinventory.transforms.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.tables.Ec2Vpcs;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The sync time reaches the database as the same ISO-8601 UTC text as before it was typed. */
class SyncRunTest {
  private static final String RUN_ID = "3f2b8c1e-5d4a-4c7b-9e6f-0a1b2c3d4e5f";

  @Test
  void theSyncTimeIsCutToMicrosecondsAndWrittenAsIsoUtc() {
    SyncRun run =
        new SyncRun(
            RUN_ID,
            "aws",
            Instant.parse("2025-06-01T12:00:00.123456789Z"),
            WriteMode.OVERWRITE_DELETE_STALE);
    assertThat(run.syncTimeText()).isEqualTo("2025-06-01T12:00:00.123456Z");
    assertThat(
            new SyncRun(RUN_ID, "aws", Instant.parse("2025-06-01T00:00:00Z"), WriteMode.APPEND)
                .syncTimeText())
        .isEqualTo("2025-06-01T00:00:00Z");
  }

  @Test
  void aRunIdThatIsNoUuidIsRefused() {
    assertThatThrownBy(
            () -> new SyncRun("aws", RUN_ID, Instant.EPOCH, WriteMode.OVERWRITE_DELETE_STALE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRowOfARunCarriesItsSourceAndSyncTime() {
    SyncRun run =
        new SyncRun(RUN_ID, "aws-prod", Instant.parse("2025-06-01T12:00:00Z"), WriteMode.OVERWRITE);
    ResourceRow row =
        Ec2Vpcs.TABLE.row(
            Vpc.builder().vpcId("vpc-1").build(),
            new RowContext(run, "111122223333", "eu-west-1", "aws"));
    assertThat(row.value(Ec2Vpcs.TABLE.indexOf(Table.CQ_SOURCE_NAME))).isEqualTo("aws-prod");
    assertThat(row.value(Ec2Vpcs.TABLE.indexOf(Table.CQ_SYNC_TIME)))
        .isEqualTo("2025-06-01T12:00:00Z");
  }
}
