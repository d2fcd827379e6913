package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutTest {
  @TempDir Path dir;

  private static List<String> values(List<Located<String>> located) {
    return located.stream().map(Located::value).toList();
  }

  @Test
  void starRegionsAreKeptAsGiven() throws Exception {
    String template =
        """
        providers:
          - name: aws
            configuration:
              regions: %s
        """;
    assertThat(TempConfig.load(dir, template.formatted("\"*\"")).regions()).containsExactly("*");
    assertThat(TempConfig.load(dir, template.formatted("[\"*\"]")).regions()).containsExactly("*");
    assertThat(TempConfig.load(dir, template.formatted("[]")).regions()).isEmpty();
    assertThat(TempConfig.load(dir, template.formatted("[\"us-*\", \"eu-west-?\"]")).regions())
        .containsExactly("us-*", "eu-west-?");
  }

  @Test
  void legacyResourcesBecomeTableNames() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            resources:
              - ec2.instances
              - "*"
              - aws_ec2_vpcs
            skip_resources: [ec2.images]
        """);

    assertThat(values(config.tables())).containsExactly("aws_ec2_instances", "*", "aws_ec2_vpcs");
    assertThat(values(config.skipTables())).containsExactly("aws_ec2_images");
    Located<String> first = config.tables().get(0);
    assertThat(first.line()).isEqualTo(4);
    assertThat(first.column()).isEqualTo(9);
    assertThat(first.key()).isEqualTo("providers[0].resources[0]");
    assertThat(first.file()).isEqualTo(dir.resolve("cloudquery.yml").toString());
  }

  @Test
  void awsProviderCanBeFoundByItsSource() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        cloudquery:
          providers:
            - name: gcp
              source: cloudquery/gcp
            - name: my-aws
              source: cloudquery/aws
        providers:
          - name: gcp
          - name: my-aws
            alias: production
            configuration:
              max_backoff: 45
        """);

    assertThat(config.sourceName()).isEqualTo("my-aws");
    assertThat(config.maxBackoffSeconds()).isEqualTo(45);
    assertThat(config.database()).isEmpty();
  }

  @Test
  void currentLayoutWithoutTablesMeansAll() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        kind: source
        spec:
          name: aws-prod
          path: cloudquery/aws
          version: v27.5.0
        """);

    assertThat(config.sourceName()).isEqualTo("aws-prod");
    assertThat(values(config.tables())).containsExactly("*");
    assertThat(config.database()).isEmpty();
    assertThat(config.writeMode()).isEqualTo(WriteMode.OVERWRITE_DELETE_STALE);
  }

  @Test
  void currentLayoutPicksTheNamedPostgresDestination() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        kind: source
        spec:
          name: gcp
          path: cloudquery/gcp
          tables: ["*"]
          destinations: [file]
          spec:
            project_ids: [a]
        ---
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ["*"]
          destinations: [file, pg]
        ---
        kind: destination
        spec:
          name: file
          path: cloudquery/file
          write_mode: append
          spec:
            directory: ./out
        ---
        kind: destination
        spec:
          name: pg
          path: cloudquery/postgresql
          write_mode: append
          migrate_mode: forced
          spec:
            connection_string: "host=db user=app dbname=inv"
            batch_size: 10000
        """);

    assertThat(config.writeMode()).isEqualTo(WriteMode.APPEND);
    assertThat(config.database().orElseThrow().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/inv");
  }

  /** A misspelt path would leave the run on the embedded database; the warning says so. */
  @Test
  void aDestinationThatIsNotPostgresqlWhenThereIsNoneIsWarnedAbout() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          destinations: [pg]
        ---
        kind: destination
        spec:
          name: pg
          path: cloudquery/postgres
          spec:
            connection_string: "host=db user=app dbname=inv"
        """);

    assertThat(config.database()).isEmpty();
    assertThat(config.warnings())
        .containsExactly(
            dir.resolve("cloudquery.yml")
                + ":10:9: spec.path: destination 'cloudquery/postgres' is not written: aws-inventory"
                + " writes only to cloudquery/postgresql (did you mean 'cloudquery/postgresql'?);"
                + " with no postgresql destination, the run writes to the embedded database");
  }

  @Test
  void writeModeOverwrite() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        kind: source
        spec: {name: aws, path: cloudquery/aws, tables: ["*"]}
        ---
        kind: destination
        spec:
          name: postgresql
          path: cloudquery/postgresql
          write_mode: overwrite
          spec: {connection_string: "postgres://localhost/inv"}
        """);

    assertThat(config.writeMode()).isEqualTo(WriteMode.OVERWRITE);
  }

  @Test
  void accountIdMayBeAnAlias() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - id: production
                  role_arn: arn:aws-us-gov:iam::123456789012:role/team/Fetch
                - id: "210987654321"
                  local_profile: dev
        """);

    AccountConfig production = config.accounts().get(0);
    assertThat(production.name()).isEqualTo("production");
    assertThat(production.id()).contains("production");
    assertThat(production.accountIdHint()).contains("123456789012");
    assertThat(production.defaultRegion()).isEqualTo("us-gov-west-1");
    AccountConfig dev = config.accounts().get(1);
    assertThat(dev.name()).isEqualTo("210987654321");
    assertThat(dev.accountIdHint()).contains("210987654321");
  }

  @Test
  void accountIdMustMatchTheRoleArn() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - id: "111111111111"
                  role_arn: arn:aws:iam::222222222222:role/Fetch
        """);

    assertThat(e.getMessage())
        .contains(
            ":5:15: providers[0].configuration.accounts[0].id: id 111111111111"
                + " is not the account of role_arn (222222222222)");
  }

  @Test
  void defaultRegionMustBeInTheRolePartition() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - role_arn: arn:aws-cn:iam::222222222222:role/Fetch
                  default_region: us-east-1
        """);

    assertThat(e.problem())
        .isEqualTo(
            "region 'us-east-1' is not in partition aws-cn of role_arn;"
                + " use for example cn-north-1");
  }

  @Test
  void sameAccountTwiceWithoutNamesIsADuplicate() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - role_arn: arn:aws:iam::222222222222:role/ReadOnly
                - role_arn: arn:aws:iam::222222222222:role/Audit
        """);

    assertThat(e.line).isEqualTo(6);
    assertThat(e.problem())
        .startsWith("duplicate account name '222222222222' (first used at line 5)");
  }

  @Test
  void accountNeedsAnIdentity() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - default_region: eu-west-1
        """);

    assertThat(e.line + ":" + e.column).isEqualTo("5:11");
    assertThat(e.problem()).contains("at least one of id, account_name, role_arn or local_profile");
  }

  @Test
  void defaultRegionCannotBeAGlob() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - account_name: a
                  default_region: us-*
        """);

    assertThat(e.problem()).isEqualTo("expected one region name, not a pattern: 'us-*'");
  }

  @Test
  void zeroConcurrencyIsAcceptedAndEmptyAccountRegionsMeanGlobal() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              concurrency: 0
              initialization_concurrency: 0
              max_retries: 0
              accounts:
                - account_name: a
                  regions: []
        """);

    assertThat(config.maxRetries()).isZero();
    assertThat(config.accounts().get(0).regions()).isEmpty();
  }

  @Test
  void mergeKeysAndAnchorsWork() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - &base
                  role_session_name: inventory
                  default_region: eu-west-1
                  account_name: a
                - <<: *base
                  account_name: b
        """);

    assertThat(config.accounts()).extracting(AccountConfig::name).containsExactly("a", "b");
    assertThat(config.accounts().get(1).defaultRegion()).isEqualTo("eu-west-1");
    assertThat(config.accounts().get(1).roleSessionName()).contains("inventory");
  }

  @Test
  void legacyConnectionStringKey() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        cloudquery:
          connection:
            connection_string: postgres://app:pw@db:5433/inv
        providers:
          - name: aws
        """);

    DatabaseConfig db = config.database().orElseThrow();
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/inv");
    assertThat(db.password()).contains("pw");
  }

  @Test
  void legacyLayoutIsOneDocument() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
        ---
        providers:
          - name: aws
        """);

    assertThat(e.line).isEqualTo(4);
    assertThat(e.problem()).startsWith("the legacy layout");
  }

  @Test
  void unknownKind() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        kind: sauce
        spec: {name: aws, path: cloudquery/aws}
        """);

    assertThat(e.getMessage())
        .endsWith(":1:7: kind: unknown kind 'sauce'; expected source or destination");
  }

  @Test
  void customEndpointNeedsAUrl() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              custom_endpoint_url: localhost:4566
        """);

    assertThat(e.problem()).isEqualTo("expected an http:// or https:// URL, got 'localhost:4566'");
  }

  @Test
  void withDatabaseReplacesOnlyTheDatabase() throws Exception {
    InventoryConfig config =
        ConfigLoader.load(Path.of("examples/seed-cloudquery.yml"), java.util.Map.of());
    DatabaseConfig embedded =
        DatabaseConfig.of("jdbc:postgresql://localhost:40000/postgres", "postgres", null);

    InventoryConfig copy = config.withDatabase(embedded);

    assertThat(copy.database()).contains(embedded);
    assertThat(copy.accounts()).isEqualTo(config.accounts());
    assertThat(copy.file()).isEqualTo(config.file());
  }

  @Test
  void exceptionConstructorsFormatOneLine() {
    Located<String> where =
        new Located<>("aws_ec2_instancs", "cloudquery.yml", 12, 7, "spec.tables[0]");

    assertThat(
            new ConfigException(where, where.key(), "unknown table 'aws_ec2_instancs'")
                .getMessage())
        .isEqualTo("cloudquery.yml:12:7: spec.tables[0]: unknown table 'aws_ec2_instancs'");
    assertThat(new ConfigException("f.yml", 1, 2, "", "two\nlines").getMessage())
        .isEqualTo("f.yml:1:2: two lines");
  }
}
