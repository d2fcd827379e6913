package dev.awsinventory.transforms.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ResolveAccounts on the DirectRunner: the fan-out of one account assumed through the fake's STS.
 */
class ResolveAccountsTest {
  @TempDir Path dir;
  private FakeAccount fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeAccount(dir, "[\"eu-*\", \"us-east-1\", \"sa-east-1\"]");
    fake.aws
        .account(FakeAccount.ID)
        .regions("us-east-1", "eu-west-1", "eu-central-1", "ap-south-1")
        .notOptedIn("ap-southeast-3");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void oneTaskPerEnabledConfiguredRegionAndTableAndOnePerAccountWideTable() {
    Pipeline p = Pipeline.create();
    PCollectionTuple out = resolve(p);

    String id = FakeAccount.ID;
    PAssert.that(out.get(ResolveAccounts.TASKS))
        .satisfies(
            tasks -> {
              assertThat(tasks)
                  .extracting(ResolveAccountsTest::summary)
                  .containsExactlyInAnyOrder(
                      "aws_ec2_account_attributes " + id + " aws us-east-1 * []",
                      "aws_ec2_vpcs " + id + " aws eu-central-1 eu-central-1 []",
                      "aws_ec2_vpcs " + id + " aws eu-west-1 eu-west-1 []",
                      "aws_ec2_vpcs " + id + " aws us-east-1 us-east-1 []",
                      "aws_ec2_launch_templates "
                          + id
                          + " aws eu-central-1 eu-central-1 [aws_ec2_launch_template_versions]",
                      "aws_ec2_launch_templates "
                          + id
                          + " aws eu-west-1 eu-west-1 [aws_ec2_launch_template_versions]",
                      "aws_ec2_launch_templates "
                          + id
                          + " aws us-east-1 us-east-1 [aws_ec2_launch_template_versions]");
              assertThat(tasks).extracting(t -> t.account().name()).containsOnly(FakeAccount.NAME);
              return null;
            });
    PAssert.that(out.get(ResolveAccounts.FAILED))
        .satisfies(
            failed -> {
              assertThat(failed).isEmpty();
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void anAccountWhoseRoleCannotBeAssumedIsOneFailedOutcomeAndNoTasks() {
    fake.aws.denyAssumeRole(fake.role);
    Pipeline p = Pipeline.create();
    PCollectionTuple out = resolve(p);

    PAssert.that(out.get(ResolveAccounts.TASKS))
        .satisfies(
            tasks -> {
              assertThat(tasks).isEmpty();
              return null;
            });
    PAssert.that(out.get(ResolveAccounts.FAILED))
        .satisfies(
            failed -> {
              assertThat(failed)
                  .extracting(FetchResourcesTest::summary)
                  .containsExactly(
                      "* " + FakeAccount.ID + " target * failed 0 rows 0 pages AccessDenied");
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void theAccountsOfABundleAreResolvedSideBySide() throws Exception {
    StringBuilder accounts = new StringBuilder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String id = "30000000000" + i;
      ids.add(id);
      String role = fake.aws.account(id).role("InventoryRead", FakeAccount.SOURCE);
      fake.aws.account(id).regions("us-east-1");
      accounts.append("- account_name: a").append(i).append("\n");
      accounts.append("  role_arn: \"").append(role).append("\"\n");
    }
    InventoryConfig config =
        FakeAccount.config(dir.resolve("many.yml"), fake.aws, "[\"*\"]", accounts.toString());
    fake.aws.faults().includeSts(true).latency(Duration.ofMillis(300));
    fake.aws.resetCounters();
    // one runner thread: accounts side by side can only be those of one bundle
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setTargetParallelism(1);
    Pipeline p = Pipeline.create(options);
    PCollectionTuple out =
        p.apply(
                // one element, flattened: the accounts arrive in one bundle, as on Flink
                Create.of(List.of(config.accounts()))
                    .withCoder(ListCoder.of(SerializableCoder.of(AccountConfig.class))))
            .apply(Flatten.iterables())
            .setCoder(SerializableCoder.of(AccountConfig.class))
            .apply(
                ParDo.of(
                        new ResolveAccounts(
                            AwsSettings.from(config),
                            config.regions(),
                            List.of("aws_ec2_vpcs"),
                            List.of(),
                            Map.of()))
                    .withOutputTags(
                        ResolveAccounts.TASKS, TupleTagList.of(ResolveAccounts.FAILED)));
    out.get(ResolveAccounts.TASKS).setCoder(SerializableCoder.of(FetchTask.class));
    out.get(ResolveAccounts.FAILED).setCoder(SerializableCoder.of(SliceOutcome.class));
    PAssert.that(out.get(ResolveAccounts.TASKS))
        .satisfies(
            tasks -> {
              assertThat(tasks)
                  .extracting(t -> t.accountId() + " " + t.region())
                  .containsExactlyInAnyOrderElementsOf(
                      ids.stream().map(id -> id + " us-east-1").toList());
              return null;
            });
    p.run().waitUntilFinish();
    assertThat(fake.aws.calls("AssumeRole")).isEqualTo(6);
    assertThat(fake.aws.mostConcurrentRequests())
        .as("calls of several accounts in flight at once")
        .isGreaterThanOrEqualTo(3);
  }

  private PCollectionTuple resolve(Pipeline p) {
    PCollectionTuple out =
        p.apply(
                Create.of(List.of(fake.account))
                    .withCoder(SerializableCoder.of(AccountConfig.class)))
            .apply(
                ParDo.of(
                        new ResolveAccounts(
                            fake.settings,
                            fake.regions,
                            List.of("aws_ec2_vpcs", "aws_ec2_launch_templates"),
                            List.of("aws_ec2_account_attributes"),
                            Map.of(
                                "aws_ec2_launch_templates",
                                List.of("aws_ec2_launch_template_versions"))))
                    .withOutputTags(
                        ResolveAccounts.TASKS, TupleTagList.of(ResolveAccounts.FAILED)));
    out.get(ResolveAccounts.TASKS).setCoder(SerializableCoder.of(FetchTask.class));
    out.get(ResolveAccounts.FAILED).setCoder(SerializableCoder.of(SliceOutcome.class));
    return out;
  }

  private static String summary(FetchTask t) {
    return t.table()
        + " "
        + t.accountId()
        + " "
        + t.partition()
        + " "
        + t.region()
        + " "
        + t.sliceRegion()
        + " "
        + t.children();
  }
}
