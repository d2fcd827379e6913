package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  private static final Path EXAMPLES = Path.of("examples");

  private static List<String> values(List<Located<String>> located) {
    return located.stream().map(Located::value).toList();
  }

  @Test
  void seedConfigLoadsAsTheTutorialDescribes() throws Exception {
    InventoryConfig config = ConfigLoader.load(EXAMPLES.resolve("seed-cloudquery.yml"), Map.of());

    assertThat(config.file()).isEqualTo(EXAMPLES.resolve("seed-cloudquery.yml").toString());
    assertThat(config.sourceName()).isEqualTo("aws");
    assertThat(config.accounts())
        .extracting(AccountConfig::name)
        .containsExactly("target_account_a", "target_account_b");
    assertThat(config.accounts())
        .extracting(a -> a.roleArn().orElseThrow())
        .containsExactly(
            "arn:aws:iam::222222222222:role/CloudQueryFetchRole",
            "arn:aws:iam::333333333333:role/CloudQueryFetchRole");
    assertThat(config.accounts())
        .extracting(a -> a.accountIdHint().orElseThrow())
        .containsExactly("222222222222", "333333333333");
    assertThat(config.accounts())
        .allSatisfy(
            a -> {
              assertThat(a.defaultRegion()).isEqualTo("us-east-1");
              assertThat(a.regions()).isEmpty();
              assertThat(a.id()).isEmpty();
            });
    assertThat(config.regions()).isEmpty();
    assertThat(values(config.tables())).containsExactly("*");
    assertThat(config.skipTables()).isEmpty();
    assertThat(config.writeMode()).isEqualTo(WriteMode.OVERWRITE_DELETE_STALE);
    DatabaseConfig db = config.database().orElseThrow();
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres?sslmode=disable");
    assertThat(db.displayUrl()).isEqualTo(db.jdbcUrl());
    assertThat(db.user()).isEqualTo("postgres");
    assertThat(db.password()).contains("pass");
  }

  @Test
  void allOptionsExampleSetsEveryValue() throws Exception {
    InventoryConfig config =
        ConfigLoader.load(EXAMPLES.resolve("all-options.yml"), Map.of("PGPASSWORD", "from-env"));

    assertThat(config.sourceName()).isEqualTo("aws");
    assertThat(config.regions()).containsExactly("us-east-1", "eu-west-*");
    assertThat(values(config.tables()))
        .containsExactly(
            "aws_ec2_instances", "aws_ec2_security_groups", "aws_ec2_vpcs", "aws_ec2_subnets");
    assertThat(values(config.skipTables())).containsExactly("aws_ec2_vpcs");
    assertThat(config.maxRetries()).isEqualTo(10);
    assertThat(config.maxBackoffSeconds()).isEqualTo(30);
    assertThat(config.customEndpointUrl()).contains("http://localhost:4566");
    assertThat(config.customEndpointPartitionId()).contains("aws");
    assertThat(config.customEndpointSigningRegion()).contains("us-east-1");

    AccountConfig production = config.accounts().get(0);
    assertThat(production.name()).isEqualTo("production");
    assertThat(production.id()).contains("222222222222");
    assertThat(production.roleArn()).contains("arn:aws:iam::222222222222:role/CloudQueryFetchRole");
    assertThat(production.roleSessionName()).contains("aws-inventory");
    assertThat(production.externalId()).contains("inventory-external-id");
    assertThat(production.defaultRegion()).isEqualTo("eu-west-1");
    assertThat(production.regions()).contains(List.of("eu-west-1", "eu-central-1"));
    assertThat(production.accountIdHint()).contains("222222222222");

    AccountConfig staging = config.accounts().get(1);
    assertThat(staging.name()).isEqualTo("staging");
    assertThat(staging.localProfile()).contains("staging");
    assertThat(staging.roleArn()).isEmpty();
    assertThat(staging.accountIdHint()).isEmpty();

    DatabaseConfig db = config.database().orElseThrow();
    assertThat(db.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.internal:5432/inventory?sslmode=require");
    assertThat(db.user()).isEqualTo("inventory");
    assertThat(db.password()).contains("from-env");
  }

  @Test
  void currentLayoutExampleReadsSourceAndDestination() throws Exception {
    InventoryConfig config = ConfigLoader.load(EXAMPLES.resolve("current-layout.yml"), Map.of());

    assertThat(config.sourceName()).isEqualTo("aws");
    assertThat(values(config.tables()))
        .containsExactly("aws_ec2_instances", "aws_ec2_security_groups", "aws_ec2_vpc*");
    assertThat(values(config.skipTables())).containsExactly("aws_ec2_vpc_endpoint_services");
    assertThat(config.tables().get(2).line()).isEqualTo(10);
    assertThat(config.tables().get(2).column()).isEqualTo(7);
    assertThat(config.tables().get(2).key()).isEqualTo("spec.tables[2]");
    assertThat(config.regions()).containsExactly("us-east-1", "us-west-2");
    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.accounts())
        .extracting(AccountConfig::name)
        .containsExactly("222222222222", "333333333333");
    assertThat(config.accounts().get(1).externalId()).contains("example-external-id");
    assertThat(config.accounts().get(1).regions()).contains(List.of("eu-west-1"));
    assertThat(config.writeMode()).isEqualTo(WriteMode.OVERWRITE_DELETE_STALE);

    DatabaseConfig db = config.database().orElseThrow();
    assertThat(db.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.internal:5432/inventory?sslmode=require");
    assertThat(db.user()).isEqualTo("inventory");
    assertThat(db.password()).contains("s3cr@t");
  }

  @Test
  void embeddedDbExampleHasNoDatabase() throws Exception {
    InventoryConfig config = ConfigLoader.load(EXAMPLES.resolve("embedded-db.yml"), Map.of());

    assertThat(config.database()).isEmpty();
    assertThat(config.accounts()).isEmpty();
    assertThat(config.regions()).containsExactly("us-east-1", "eu-west-1");
    assertThat(values(config.tables())).containsExactly("*");
  }
}
