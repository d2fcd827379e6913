package dev.awsinventory.transforms.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.ResourceRowCoder;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.postgres.Schema;
import dev.awsinventory.transforms.tables.Ec2LaunchTemplates;
import dev.awsinventory.transforms.tables.Ec2Subnets;
import dev.awsinventory.transforms.tables.Ec2Vpcs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** FetchResources on the DirectRunner against the fake AWS over HTTP, checked with PAssert. */
class FetchResourcesTest {
  @TempDir Path dir;
  private FakeAccount fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeAccount(dir, "[\"us-east-1\"]");
    fake.aws.account(FakeAccount.ID).regions("us-east-1");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anOkSliceEmitsEveryRowOfEveryPageAndOneOkOutcome() {
    fake.aws.account(FakeAccount.ID).region("us-east-1").fill("DescribeVpcs", 3, 7);
    List<String> expected = new ArrayList<>();
    for (Object vpc : fake.aws.account(FakeAccount.ID).region("us-east-1").items("DescribeVpcs")) {
      expected.add(
          "aws_ec2_vpcs "
              + FakeAccount.ID
              + " us-east-1 "
              + ((Vpc) vpc).vpcId()
              + " aws "
              + FakeAccount.SYNC_TIME);
    }
    Pipeline p = Pipeline.create();
    PCollectionTuple out = fetch(p, 8, fake.task("aws_ec2_vpcs", "us-east-1"));

    int vpcId = Ec2Vpcs.TABLE.indexOf("vpc_id");
    int account = Ec2Vpcs.TABLE.indexOf("account_id");
    int region = Ec2Vpcs.TABLE.indexOf("region");
    int source = Ec2Vpcs.TABLE.indexOf("_cq_source_name");
    int syncTime = Ec2Vpcs.TABLE.indexOf("_cq_sync_time");
    PAssert.that(out.get(FetchResources.ROWS))
        .satisfies(
            rows -> {
              assertThat(rows)
                  .extracting(
                      r ->
                          r.table()
                              + " "
                              + r.value(account)
                              + " "
                              + r.value(region)
                              + " "
                              + r.value(vpcId)
                              + " "
                              + r.value(source)
                              + " "
                              + r.value(syncTime))
                  .containsExactlyInAnyOrderElementsOf(expected);
              return null;
            });
    PAssert.that(out.get(FetchResources.OUTCOMES))
        .satisfies(
            outcomes -> {
              assertThat(outcomes)
                  .extracting(FetchResourcesTest::summary)
                  .containsExactly(
                      "aws_ec2_vpcs "
                          + FakeAccount.ID
                          + " target us-east-1 ok 3 rows 2 pages null");
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void aFailedSliceEmitsNoRowsSoNothingOfItIsReplacedOrDeleted() {
    fake.aws
        .account(FakeAccount.ID)
        .region("us-east-1")
        .fill("DescribeVpcs", 3, 7)
        .fill("DescribeSubnets", 2, 9);
    fake.aws.faults().unauthorized("DescribeVpcs");
    Pipeline p = Pipeline.create();
    PCollectionTuple out =
        fetch(
            p,
            8,
            fake.task("aws_ec2_vpcs", "us-east-1"),
            fake.task("aws_ec2_subnets", "us-east-1"));

    List<String> subnets =
        fake.aws.account(FakeAccount.ID).region("us-east-1").items("DescribeSubnets").stream()
            .map(s -> "aws_ec2_subnets " + ((Subnet) s).subnetId())
            .toList();
    int subnetId = Ec2Subnets.TABLE.indexOf("subnet_id");
    PAssert.that(out.get(FetchResources.ROWS))
        .satisfies(
            rows -> {
              assertThat(rows)
                  .extracting(r -> r.table() + " " + r.value(subnetId))
                  .containsExactlyInAnyOrderElementsOf(subnets);
              return null;
            });
    PAssert.that(out.get(FetchResources.OUTCOMES))
        .satisfies(
            outcomes -> {
              assertThat(outcomes)
                  .extracting(FetchResourcesTest::summary)
                  .containsExactlyInAnyOrder(
                      "aws_ec2_vpcs "
                          + FakeAccount.ID
                          + " target us-east-1 failed 0 rows 0 pages UnauthorizedOperation",
                      "aws_ec2_subnets "
                          + FakeAccount.ID
                          + " target us-east-1 ok 2 rows 1 pages null");
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void theChildrenOfAFailedParentFailWithoutRows() {
    fake.aws
        .account(FakeAccount.ID)
        .region("us-east-1")
        .fill("DescribeLaunchTemplates", 2, 3)
        .fill("DescribeLaunchTemplateVersions", 2, 5);
    fake.aws.faults().unauthorized("DescribeLaunchTemplates");
    Pipeline p = Pipeline.create();
    PCollectionTuple out =
        fetch(
            p,
            8,
            fake.task("aws_ec2_launch_templates", "us-east-1", "aws_ec2_launch_template_versions"));

    PAssert.that(out.get(FetchResources.ROWS))
        .satisfies(
            rows -> {
              assertThat(rows).isEmpty();
              return null;
            });
    PAssert.that(out.get(FetchResources.OUTCOMES))
        .satisfies(
            outcomes -> {
              assertThat(outcomes)
                  .extracting(FetchResourcesTest::summary)
                  .containsExactlyInAnyOrder(
                      "aws_ec2_launch_templates "
                          + FakeAccount.ID
                          + " target us-east-1 failed 0 rows 0 pages UnauthorizedOperation",
                      "aws_ec2_launch_template_versions "
                          + FakeAccount.ID
                          + " target us-east-1 failed 0 rows 0 pages ParentFailed");
              assertThat(outcomes)
                  .filteredOn(o -> o.errorCode().equals("ParentFailed"))
                  .extracting(SliceOutcome::errorMessage)
                  .containsExactly(
                      "its parent table aws_ec2_launch_templates could not be fetched");
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void aFailedChildKeepsItsParentsRows() {
    fake.aws
        .account(FakeAccount.ID)
        .region("us-east-1")
        .fill("DescribeLaunchTemplates", 2, 3)
        .fill("DescribeLaunchTemplateVersions", 2, 5);
    fake.aws.faults().unauthorized("DescribeLaunchTemplateVersions");
    Pipeline p = Pipeline.create();
    PCollectionTuple out =
        fetch(
            p,
            8,
            fake.task("aws_ec2_launch_templates", "us-east-1", "aws_ec2_launch_template_versions"));

    int arn = Ec2LaunchTemplates.TABLE.indexOf("arn");
    PAssert.that(out.get(FetchResources.ROWS))
        .satisfies(
            rows -> {
              assertThat(rows)
                  .hasSize(2)
                  .allSatisfy(r -> assertThat(r.table()).isEqualTo("aws_ec2_launch_templates"))
                  .allSatisfy(
                      r ->
                          assertThat(r.value(arn))
                              .startsWith(
                                  "arn:aws:ec2:us-east-1:" + FakeAccount.ID + ":launch-template/"));
              return null;
            });
    PAssert.that(out.get(FetchResources.OUTCOMES))
        .satisfies(
            outcomes -> {
              assertThat(outcomes)
                  .extracting(FetchResourcesTest::summary)
                  .containsExactlyInAnyOrder(
                      "aws_ec2_launch_templates "
                          + FakeAccount.ID
                          + " target us-east-1 ok 2 rows 1 pages null",
                      "aws_ec2_launch_template_versions "
                          + FakeAccount.ID
                          + " target us-east-1 failed 0 rows 0 pages UnauthorizedOperation");
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void anInFlightLimitOfOneFetchesOneSliceAtATime() {
    List<String> tables =
        List.of(
            "aws_ec2_vpcs",
            "aws_ec2_subnets",
            "aws_ec2_security_groups",
            "aws_ec2_internet_gateways");
    fake.aws
        .account(FakeAccount.ID)
        .region("us-east-1")
        .fill("DescribeVpcs", 1, 1)
        .fill("DescribeSubnets", 1, 2)
        .fill("DescribeSecurityGroups", 1, 3)
        .fill("DescribeInternetGateways", 1, 4);
    fake.aws.faults().latency(Duration.ofMillis(200));

    assertThat(run(1, tables)).isEqualTo(1);
    assertThat(run(4, tables)).as("the same slices without the limit overlap").isGreaterThan(1);
  }

  /**
   * Runs the slices, all in one bundle on one thread, with a limit; the most requests the fake
   * served at once.
   */
  private int run(int maxInFlight, List<String> tables) {
    fake.aws.resetCounters();
    Pipeline p = FakeAccount.serialPipeline();
    List<FetchTask> tasks = tables.stream().map(t -> fake.task(t, "us-east-1")).toList();
    PCollection<FetchTask> oneBundle =
        p.apply(Create.of("all"))
            .apply(FlatMapElements.into(TypeDescriptor.of(FetchTask.class)).via(any -> tasks))
            .setCoder(SerializableCoder.of(FetchTask.class));
    PCollectionTuple out = fetch(oneBundle, maxInFlight);
    List<String> expected =
        tables.stream()
            .map(t -> t + " " + FakeAccount.ID + " target us-east-1 ok 1 rows 1 pages null")
            .toList();
    PAssert.that(out.get(FetchResources.OUTCOMES))
        .satisfies(
            outcomes -> {
              assertThat(outcomes)
                  .extracting(FetchResourcesTest::summary)
                  .containsExactlyInAnyOrderElementsOf(expected);
              return null;
            });
    PAssert.that(out.get(FetchResources.ROWS))
        .satisfies(
            rows -> {
              assertThat(StreamSupport.stream(rows.spliterator(), false).map(ResourceRow::table))
                  .containsExactlyInAnyOrderElementsOf(tables);
              return null;
            });
    p.run().waitUntilFinish();
    return fake.aws.mostConcurrentRequests();
  }

  @Test
  void withAWriterEachSliceCommitsItsRowsBeforeItsOutcomeAndEmitsNoRows() throws Exception {
    fake.aws.account(FakeAccount.ID).region("us-east-1").fill("DescribeVpcs", 1200, 7);
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      try (Connection c =
          DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
        Schema.ensure(c, List.of(Ec2Vpcs.TABLE), WriteMode.OVERWRITE_DELETE_STALE);
      }
      Pipeline p = Pipeline.create();
      PCollectionTuple out =
          fetch(
              p,
              // pages of 1,000: the slice's 1,200 rows leave in three batches of 500
              new FetchResources(fake.settings.toBuilder().pageSize(0).build(), FakeAccount.RUN, 4)
                  .withRowsWrittenTo(database(url), WriteMode.OVERWRITE_DELETE_STALE),
              fake.task("aws_ec2_vpcs", "us-east-1"));
      PAssert.that(out.get(FetchResources.ROWS))
          .satisfies(
              rows -> {
                assertThat(rows).isEmpty();
                return null;
              });
      PCollection<SliceOutcome> outcomes = out.get(FetchResources.OUTCOMES);
      // what the database holds when the outcome is emitted: the slice's rows are all there
      PCollection<Long> committed =
          outcomes.apply(
              MapElements.into(TypeDescriptors.longs())
                  .via(o -> TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")));
      PAssert.that(committed)
          .satisfies(
              counts -> {
                assertThat(counts).containsExactly(1200L);
                return null;
              });
      PAssert.that(
              outcomes.apply(
                  MapElements.into(TypeDescriptors.strings())
                      .via(o -> o.table() + " " + o.status().label() + " " + o.resources())))
          .satisfies(
              lines -> {
                assertThat(lines).containsExactly("aws_ec2_vpcs ok 1200");
                return null;
              });
      p.run().waitUntilFinish();
    }
  }

  @Test
  void aBatchTheDatabaseRefusesEndsTheRunInsteadOfFailingOneSlice() throws Exception {
    fake.aws.account(FakeAccount.ID).region("us-east-1").fill("DescribeVpcs", 3, 7);
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase(); // no tables: the writer cannot read aws_ec2_vpcs's key
      Pipeline p = Pipeline.create();
      fetch(
          p,
          new FetchResources(fake.settings, FakeAccount.RUN, 4)
              .withRowsWrittenTo(database(url), WriteMode.OVERWRITE_DELETE_STALE),
          fake.task("aws_ec2_vpcs", "us-east-1"));
      assertThatThrownBy(() -> p.run().waitUntilFinish())
          .hasRootCauseInstanceOf(SQLException.class)
          .rootCause()
          .hasMessageContaining("aws_ec2_vpcs");
    }
  }

  private static JdbcIO.DataSourceConfiguration database(String url) {
    return JdbcIO.DataSourceConfiguration.create("org.postgresql.Driver", url)
        .withUsername(TestDatabase.USER)
        .withPassword(TestDatabase.PASSWORD);
  }

  private PCollectionTuple fetch(Pipeline p, int maxInFlight, FetchTask... tasks) {
    return fetch(
        p.apply(Create.of(List.of(tasks)).withCoder(SerializableCoder.of(FetchTask.class))),
        maxInFlight);
  }

  private PCollectionTuple fetch(PCollection<FetchTask> input, int maxInFlight) {
    return fetch(input, new FetchResources(fake.settings, FakeAccount.RUN, maxInFlight));
  }

  private static PCollectionTuple fetch(Pipeline p, FetchResources fn, FetchTask... tasks) {
    return fetch(
        p.apply(Create.of(List.of(tasks)).withCoder(SerializableCoder.of(FetchTask.class))), fn);
  }

  private static PCollectionTuple fetch(PCollection<FetchTask> input, FetchResources fn) {
    PCollectionTuple out =
        input.apply(
            ParDo.of(fn)
                .withOutputTags(FetchResources.ROWS, TupleTagList.of(FetchResources.OUTCOMES)));
    out.get(FetchResources.ROWS).setCoder(ResourceRowCoder.of());
    out.get(FetchResources.OUTCOMES).setCoder(SerializableCoder.of(SliceOutcome.class));
    return out;
  }

  /**
   * An outcome without its timing: table, account, name, region, status, rows, pages, error code.
   */
  static String summary(SliceOutcome o) {
    return o.table()
        + " "
        + o.accountId()
        + " "
        + o.accountName()
        + " "
        + o.region()
        + " "
        + (o.ok() ? "ok" : "failed")
        + " "
        + o.resources()
        + " rows "
        + o.pages()
        + " pages "
        + o.errorCode();
  }
}
