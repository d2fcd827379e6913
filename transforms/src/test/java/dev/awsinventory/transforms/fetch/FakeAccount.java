package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.model.SyncRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * One target account on a fresh fake AWS, reached as the pipeline reaches it: a config file loaded
 * by the real loader, a role assumed with the source user's keys (given to the default credential
 * chain through system properties while the fixture is open).
 */
final class FakeAccount implements AutoCloseable {
  static final String SOURCE = "111111111111";
  static final String ID = "246813579246";
  static final String NAME = "target";
  static final String SYNC_TIME = "2025-06-01T00:00:00Z";
  static final SyncRun RUN =
      new SyncRun(
          "00000000-0000-0000-0000-000000000001",
          "aws",
          Instant.parse(SYNC_TIME),
          WriteMode.OVERWRITE_DELETE_STALE);

  final FakeAws aws = FakeAws.start();
  final String role;
  final AccountConfig account;
  final AwsSettings settings;

  /** The configured regions (globs). */
  final List<String> regions;

  FakeAccount(Path dir, String regionsYaml) throws Exception {
    Credentials source = aws.sourceUser(SOURCE);
    role = aws.account(ID).role("InventoryRead", SOURCE);
    InventoryConfig config =
        config(
            dir.resolve("config.yml"),
            aws,
            regionsYaml,
            "- account_name: %s\n  role_arn: \"%s\"\n".formatted(NAME, role));
    account = config.accounts().get(0);
    regions = config.regions();
    settings = AwsSettings.from(config).toBuilder().pageSize(2).build();
    System.setProperty("aws.accessKeyId", source.accessKeyId());
    System.setProperty("aws.secretAccessKey", source.secretAccessKey());
  }

  /**
   * Writes and loads a current-layout config on {@code aws}'s endpoint: these regions (YAML) and
   * accounts (YAML list items, unindented).
   */
  static InventoryConfig config(Path file, FakeAws aws, String regionsYaml, String accountsYaml)
      throws Exception {
    Files.writeString(
        file,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ["*"]
          destinations: ["postgresql"]
          spec:
            regions: %s
            custom_endpoint_url: "%s"
            accounts:
        %s
        ---
        kind: destination
        spec:
          name: postgresql
          path: cloudquery/postgresql
          spec:
            connection_string: "postgres://inventory@127.0.0.1:5432/inventory"
        """
            .formatted(regionsYaml, aws.endpoint(), accountsYaml.indent(6).stripTrailing()));
    return ConfigLoader.load(file);
  }

  /** A regional slice of a table in this account, with its selected child tables. */
  FetchTask task(String table, String region, String... children) {
    return new FetchTask(account, ID, "aws", region, table, false, List.of(children));
  }

  /** A DirectRunner pipeline that runs one bundle at a time on one thread. */
  static Pipeline serialPipeline() {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setTargetParallelism(1);
    return Pipeline.create(options);
  }

  @Override
  public void close() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.close();
  }
}
