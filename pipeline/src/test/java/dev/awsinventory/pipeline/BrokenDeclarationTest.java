package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.FetchResources;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.ResolveAccounts;
import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.ResourceRowCoder;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.Ec2Vpcs;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The failure policy: declarations whose own code throws (a NullPointerException, a
 * ClassCastException, a parse error, a value that does not fit its column, a child lister that
 * throws) fail only their own slices, with the exception's class as the error code, on the real
 * fetch step against the fake AWS; the other tables of the same account and region are fetched, the
 * bundle is not failed, and the run's exit code is 2.
 */
class BrokenDeclarationTest {
  private static final SyncRun RUN =
      new SyncRun(
          UUID.randomUUID().toString(),
          "aws",
          Instant.parse("2026-01-01T00:00:00Z"),
          WriteMode.OVERWRITE_DELETE_STALE);

  private static final Queue<SliceOutcome> OUTCOMES = new ConcurrentLinkedQueue<>();
  private static final Queue<ResourceRow> ROWS = new ConcurrentLinkedQueue<>();

  static final Table<Vpc> NPE =
      broken("aws_test_npe")
          .column(
              "boom", ColumnType.TEXT, (v, ctx) -> Map.<String, String>of().get(v.vpcId()).length())
          .build();
  static final Table<Vpc> CLASS_CAST =
      broken("aws_test_class_cast")
          .column("cidrs", ColumnType.TEXT_ARRAY, (v, ctx) -> v.cidrBlock())
          .build();
  static final Table<Vpc> PARSE =
      broken("aws_test_parse")
          .column("number", ColumnType.BIGINT, (v, ctx) -> Long.parseLong(v.vpcId()))
          .build();
  static final Table<Vpc> BAD_VALUE =
      broken("aws_test_bad_value").column("count", ColumnType.BIGINT, (v, ctx) -> "twelve").build();
  static final Table<Vpc> CHILD =
      Table.child("aws_test_child", Vpc.class)
          .listedPerParent(
              "DescribeVpcs",
              Ec2Vpcs.TABLE,
              (ctx, vpc) -> {
                if (vpc != null) {
                  throw new IllegalStateException("a bug in a child lister");
                }
                return Stream.<Vpc>empty();
              })
          .primaryKey("vpc_id")
          .build();

  @TempDir Path dir;

  private static Table.Builder<Vpc> broken(String name) {
    return Table.regional(name, Vpc.class)
        .listedBy(
            "DescribeVpcs",
            ctx -> ctx.ec2().describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream())
        .primaryKey("account_id", "region", "vpc_id");
  }

  static Table<?> lookup(String name) {
    return switch (name) {
      case "aws_test_npe" -> NPE;
      case "aws_test_class_cast" -> CLASS_CAST;
      case "aws_test_parse" -> PARSE;
      case "aws_test_bad_value" -> BAD_VALUE;
      case "aws_test_child" -> CHILD;
      default -> TableRegistry.get(name);
    };
  }

  @Test
  void aThrowingDeclarationFailsOnlyItsSlices() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("246824682468").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("246824682468").regions("us-east-1", "eu-west-1");
      aws.account("246824682468")
          .region("us-east-1")
          .fill("DescribeVpcs", 7, 1)
          .fill("DescribeSubnets", 4, 1);
      aws.account("246824682468").region("eu-west-1").fill("DescribeVpcs", 2, 100);
      Path config = dir.resolve("cq.yml");
      Files.writeString(
          config,
          """
          kind: source
          spec:
            name: aws
            path: cloudquery/aws
            spec:
              regions: [us-east-1, eu-west-1]
              custom_endpoint_url: "%s"
              accounts:
                - role_arn: "%s"
          """
              .formatted(aws.endpoint(), role));
      InventoryConfig cfg = ConfigLoader.load(config);
      AwsSettings settings = AwsSettings.from(cfg);
      OUTCOMES.clear();
      ROWS.clear();

      Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
      List<String> regional =
          List.of(
              "aws_ec2_vpcs",
              "aws_ec2_subnets",
              "aws_test_npe",
              "aws_test_class_cast",
              "aws_test_parse",
              "aws_test_bad_value");
      PCollectionTuple resolved =
          p.apply(Create.of(cfg.accounts()).withCoder(SerializableCoder.of(AccountConfig.class)))
              .apply(
                  ParDo.of(
                          new ResolveAccounts(
                              settings,
                              cfg.regions(),
                              regional,
                              List.of(),
                              Map.of("aws_ec2_vpcs", List.of("aws_test_child"))))
                      .withOutputTags(
                          ResolveAccounts.TASKS, TupleTagList.of(ResolveAccounts.FAILED)));
      PCollectionTuple fetched =
          resolved
              .get(ResolveAccounts.TASKS)
              .setCoder(SerializableCoder.of(FetchTask.class))
              .apply(
                  ParDo.of(
                          new FetchResources(settings, RUN, 4)
                              .withTables(BrokenDeclarationTest::lookup))
                      .withOutputTags(
                          FetchResources.ROWS, TupleTagList.of(FetchResources.OUTCOMES)));
      fetched
          .get(FetchResources.OUTCOMES)
          .setCoder(SerializableCoder.of(SliceOutcome.class))
          .apply(ParDo.of(new Collect<>(OUTCOMES)));
      fetched
          .get(FetchResources.ROWS)
          .setCoder(ResourceRowCoder.of())
          .apply(ParDo.of(new Collect<>(ROWS)));
      System.setProperty("aws.accessKeyId", source.accessKeyId());
      System.setProperty("aws.secretAccessKey", source.secretAccessKey());
      PipelineResult.State state;
      try {
        state = p.run().waitUntilFinish();
      } finally {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
      }

      assertThat(state).isEqualTo(PipelineResult.State.DONE);
      List<SliceOutcome> outcomes = new ArrayList<>(OUTCOMES);
      assertThat(outcomes).hasSize(2 * 7);
      assertThat(outcomes)
          .filteredOn(o -> !o.ok())
          .extracting(o -> o.table() + "/" + o.region() + ":" + o.errorCode())
          .containsExactlyInAnyOrder(
              "aws_test_npe/us-east-1:NullPointerException",
              "aws_test_npe/eu-west-1:NullPointerException",
              "aws_test_class_cast/us-east-1:ClassCastException",
              "aws_test_class_cast/eu-west-1:ClassCastException",
              "aws_test_parse/us-east-1:NumberFormatException",
              "aws_test_parse/eu-west-1:NumberFormatException",
              "aws_test_bad_value/us-east-1:InvalidColumnValueException",
              "aws_test_bad_value/eu-west-1:InvalidColumnValueException",
              "aws_test_child/us-east-1:IllegalStateException",
              "aws_test_child/eu-west-1:IllegalStateException");
      assertThat(outcomes)
          .filteredOn(o -> o.table().equals("aws_test_bad_value"))
          .first()
          .extracting(SliceOutcome::errorMessage)
          .asString()
          .contains("aws_test_bad_value.count", "twelve", "bigint");
      assertThat(outcomes)
          .filteredOn(SliceOutcome::ok)
          .extracting(o -> o.table() + "/" + o.region() + "=" + o.resources())
          .containsExactlyInAnyOrder(
              "aws_ec2_vpcs/us-east-1=7",
              "aws_ec2_vpcs/eu-west-1=2",
              "aws_ec2_subnets/us-east-1=4",
              "aws_ec2_subnets/eu-west-1=0");
      assertThat(ROWS)
          .extracting(ResourceRow::table)
          .containsOnly("aws_ec2_vpcs", "aws_ec2_subnets")
          .hasSize(13);

      Summary summary = Summary.of("run", outcomes, 1, 0);
      assertThat(summary.status()).isEqualTo(Summary.Status.PARTIAL);
      assertThat(InventoryPipeline.exitCode(summary, FailOn.PARTIAL))
          .isEqualTo(InventoryPipeline.EXIT_PARTIAL);
    }
  }

  /** Adds each element to one of the static queues above (the DirectRunner runs in this JVM). */
  static final class Collect<T> extends DoFn<T, Void> {
    private final boolean outcomes;

    Collect(Queue<T> into) {
      this.outcomes = into == (Queue<?>) OUTCOMES;
    }

    @SuppressWarnings("unchecked")
    @ProcessElement
    public void process(@Element T element) {
      ((Queue<T>) (outcomes ? OUTCOMES : ROWS)).add(element);
    }
  }
}
