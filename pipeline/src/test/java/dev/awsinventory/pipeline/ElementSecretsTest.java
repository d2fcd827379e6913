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
import dev.awsinventory.transforms.model.ResourceRowCoder;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every element the fetch stages emit, encoded with its coder, holds no secret key or session
 * token.
 */
class ElementSecretsTest {
  private static final SyncRun RUN =
      new SyncRun(
          UUID.randomUUID().toString(),
          "aws",
          Instant.parse("2026-01-01T00:00:00Z"),
          WriteMode.OVERWRITE_DELETE_STALE);

  private static final Queue<String> ENCODED = new ConcurrentLinkedQueue<>();

  @TempDir Path dir;

  @Test
  void encodedElementsCarryIdentifiersOnly() throws Exception {
    try (FakeAws aws = FakeAws.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("112233445566").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("112233445566").regions("us-east-1");
      aws.account("112233445566").region("us-east-1").fill("DescribeVpcs", 3, 1);
      Path config = dir.resolve("cq.yml");
      Files.writeString(
          config,
          """
          kind: source
          spec:
            name: aws
            path: cloudquery/aws
            spec:
              regions: [us-east-1]
              custom_endpoint_url: "%s"
              accounts:
                - role_arn: "%s"
          """
              .formatted(aws.endpoint(), role));
      InventoryConfig cfg = ConfigLoader.load(config);
      AwsSettings settings = AwsSettings.from(cfg);
      ENCODED.clear();

      Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
      PCollectionTuple resolved =
          p.apply(Create.of(cfg.accounts()).withCoder(SerializableCoder.of(AccountConfig.class)))
              .apply(
                  ParDo.of(
                          new ResolveAccounts(
                              settings,
                              cfg.regions(),
                              List.of("aws_ec2_vpcs"),
                              List.of(),
                              Map.of()))
                      .withOutputTags(
                          ResolveAccounts.TASKS, TupleTagList.of(ResolveAccounts.FAILED)));
      PCollection<FetchTask> tasks =
          resolved.get(ResolveAccounts.TASKS).setCoder(SerializableCoder.of(FetchTask.class));
      PCollectionTuple fetched =
          tasks.apply(
              ParDo.of(new FetchResources(settings, RUN, 4))
                  .withOutputTags(FetchResources.ROWS, TupleTagList.of(FetchResources.OUTCOMES)));
      record(tasks, SerializableCoder.of(FetchTask.class));
      record(
          fetched.get(FetchResources.ROWS).setCoder(ResourceRowCoder.of()), ResourceRowCoder.of());
      record(
          fetched.get(FetchResources.OUTCOMES).setCoder(SerializableCoder.of(SliceOutcome.class)),
          SerializableCoder.of(SliceOutcome.class));
      System.setProperty("aws.accessKeyId", source.accessKeyId());
      System.setProperty("aws.secretAccessKey", source.secretAccessKey());
      try {
        p.run().waitUntilFinish();
      } finally {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
      }

      assertThat(ENCODED).hasSizeGreaterThanOrEqualTo(1 + 3 + 1);
      String all = String.join("\n", ENCODED);
      assertThat(all).contains("112233445566", "InventoryRead");
      List<Credentials> issued = aws.issuedCredentials();
      assertThat(issued).anyMatch(c -> c.sessionToken() != null);
      for (Credentials c : issued) {
        assertThat(all).doesNotContain(c.secretAccessKey());
        if (c.sessionToken() != null) {
          assertThat(all).doesNotContain(c.sessionToken());
        }
      }
    }
  }

  private static <T> void record(PCollection<T> elements, Coder<T> coder) {
    elements.apply(
        ParDo.of(
            new DoFn<T, Void>() {
              @ProcessElement
              public void process(@Element T element) throws Exception {
                ENCODED.add(
                    new String(
                        CoderUtils.encodeToByteArray(coder, element), StandardCharsets.ISO_8859_1));
              }
            }));
  }
}
