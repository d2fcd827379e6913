package dev.awsinventory.transforms.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.Ec2AccountAttributes;
import dev.awsinventory.transforms.tables.Ec2Vpcs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * FinishSlices on the DirectRunner against a real PostgreSQL: per slice, stale rows go only when
 * the slice succeeded, and every slice is recorded.
 */
class FinishSlicesTest {
  private static final String A = "111122223333";
  private static final String B = "444455556666";
  private static final String BEFORE = "2025-05-01T00:00:00Z";
  private static final String NOW = "2025-06-01T00:00:00Z";
  private static TestDatabase pg;

  @BeforeAll
  static void start() {
    pg = TestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  private static final List<SliceOutcome> OUTCOMES =
      List.of(
          SliceOutcome.ok(
              SliceKey.regional("aws_ec2_vpcs", A, "us-east-1"),
              "a",
              CallCounts.NONE.withResources(1).withPages(1).withDurationMs(5)),
          SliceOutcome.failed(
              SliceKey.regional("aws_ec2_vpcs", A, "eu-west-1"),
              "a",
              CallCounts.NONE.withPages(1).withRetries(2).withDurationMs(5),
              new SliceError("Throttling", "Rate exceeded")),
          SliceOutcome.ok(
              SliceKey.accountWide("aws_ec2_account_attributes", A),
              "a",
              CallCounts.NONE.withResources(1).withPages(1).withDurationMs(5)),
          SliceOutcome.failed(
              SliceKey.wholeAccount(B),
              "b",
              CallCounts.NONE,
              new SliceError("AccessDenied", "not allowed")));

  @Test
  void anOkSliceLosesItsStaleRowsAndAFailedSliceKeepsThem() throws Exception {
    String url = seeded();
    String runId = finish(url, WriteMode.OVERWRITE_DELETE_STALE);

    assertThat(vpcs(url))
        .containsExactlyInAnyOrder(
            "aws " + A + " us-east-1 vpc-current",
            "aws " + A + " eu-west-1 vpc-failed-slice",
            "aws " + A + " us-west-2 vpc-not-fetched",
            "aws " + B + " us-east-1 vpc-failed-account",
            "other " + A + " us-east-1 vpc-other-source");
    assertThat(
            TestDatabase.query(
                url, "SELECT account_id, region, attribute_name FROM aws_ec2_account_attributes"))
        .extracting(
            r -> r.get("account_id") + " " + r.get("region") + " " + r.get("attribute_name"))
        .containsExactly(A + " us-east-1 current");
    assertThat(recorded(url, runId))
        .containsExactly(
            "* " + B + " * failed AccessDenied",
            "aws_ec2_account_attributes " + A + " * ok null",
            "aws_ec2_vpcs " + A + " eu-west-1 failed Throttling",
            "aws_ec2_vpcs " + A + " us-east-1 ok null");
  }

  @Test
  void overwriteWithoutDeletionKeepsEveryRowAndRecordsEverySlice() throws Exception {
    String url = seeded();
    String runId = finish(url, WriteMode.OVERWRITE);

    assertThat(vpcs(url)).hasSize(6).contains("aws " + A + " us-east-1 vpc-stale");
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_account_attributes"))
        .isEqualTo(2);
    assertThat(recorded(url, runId)).hasSize(4);
  }

  private static String finish(String url, WriteMode mode) {
    String runId = UUID.randomUUID().toString();
    JdbcIO.DataSourceConfiguration db =
        JdbcIO.DataSourceConfiguration.create("org.postgresql.Driver", url)
            .withUsername(TestDatabase.USER)
            .withPassword(TestDatabase.PASSWORD);
    Pipeline p = Pipeline.create();
    p.apply(Create.of(OUTCOMES).withCoder(SerializableCoder.of(SliceOutcome.class)))
        .apply(ParDo.of(new FinishSlices(db, new SyncRun(runId, "aws", Instant.parse(NOW), mode))));
    p.run().waitUntilFinish();
    return runId;
  }

  /** Rows of the last sync and of this one, of slices that succeed, fail or were not fetched. */
  private static String seeded() throws Exception {
    String url = pg.newDatabase();
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      Schema.ensure(
          c, List.of(Ec2Vpcs.TABLE, Ec2AccountAttributes.TABLE), WriteMode.OVERWRITE_DELETE_STALE);
      insert(c, Ec2Vpcs.TABLE, vpc("vpc-stale"), context("aws", BEFORE, A, "us-east-1"));
      insert(c, Ec2Vpcs.TABLE, vpc("vpc-current"), context("aws", NOW, A, "us-east-1"));
      insert(c, Ec2Vpcs.TABLE, vpc("vpc-failed-slice"), context("aws", BEFORE, A, "eu-west-1"));
      insert(c, Ec2Vpcs.TABLE, vpc("vpc-not-fetched"), context("aws", BEFORE, A, "us-west-2"));
      insert(c, Ec2Vpcs.TABLE, vpc("vpc-failed-account"), context("aws", BEFORE, B, "us-east-1"));
      insert(c, Ec2Vpcs.TABLE, vpc("vpc-other-source"), context("other", BEFORE, A, "us-east-1"));
      insert(
          c,
          Ec2AccountAttributes.TABLE,
          attribute("stale"),
          context("aws", BEFORE, A, "us-east-1"));
      insert(
          c, Ec2AccountAttributes.TABLE, attribute("current"), context("aws", NOW, A, "us-east-1"));
    }
    return url;
  }

  private static <T> void insert(Connection c, Table<T> table, T item, RowContext ctx)
      throws Exception {
    ResourceRow row = table.row(item, ctx);
    Target target = Target.read(c, table, WriteMode.OVERWRITE_DELETE_STALE);
    try (PreparedStatement ps = c.prepareStatement(target.write())) {
      for (int i = 0; i < row.size(); i++) {
        ps.setString(i + 1, row.value(i));
      }
      ps.executeUpdate();
    }
  }

  private static RowContext context(String source, String syncTime, String account, String region) {
    SyncRun run =
        new SyncRun(
            UUID.randomUUID().toString(),
            source,
            Instant.parse(syncTime),
            WriteMode.OVERWRITE_DELETE_STALE);
    return new RowContext(run, account, region, "aws");
  }

  private static Vpc vpc(String id) {
    return Vpc.builder().vpcId(id).build();
  }

  private static AccountAttribute attribute(String name) {
    return AccountAttribute.builder().attributeName(name).build();
  }

  private static List<String> vpcs(String url) {
    return TestDatabase.query(
            url, "SELECT _cq_source_name, account_id, region, vpc_id FROM aws_ec2_vpcs")
        .stream()
        .map(
            r ->
                r.get("_cq_source_name")
                    + " "
                    + r.get("account_id")
                    + " "
                    + r.get("region")
                    + " "
                    + r.get("vpc_id"))
        .toList();
  }

  private static List<String> recorded(String url, String runId) throws Exception {
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      return SyncTables.slices(c, runId).stream()
          .map(
              o ->
                  o.table()
                      + " "
                      + o.accountId()
                      + " "
                      + o.region()
                      + " "
                      + (o.ok() ? "ok" : "failed")
                      + " "
                      + o.errorCode())
          .toList();
    }
  }
}
