package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.CloudQueryTables;
import dev.awsinventory.config.ConfigException;
import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.Located;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import dev.awsinventory.transforms.tables.TableRegistry.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** tables / skip_tables against CloudQuery's whole AWS catalogue and the tables fetched here. */
class TableSelectionTest {
  private static final List<String> EVERYTHING =
      TableRegistry.all().stream().map(Table::name).toList();

  private static List<Located<String>> at(String... patterns) {
    return Stream.of(patterns)
        .map(p -> new Located<>(p, "cq.yml", 3, 5, "spec.tables[0]"))
        .toList();
  }

  private static List<String> names(Selection s) {
    return s.tables().stream().map(Table::name).toList();
  }

  @Test
  void everyTableFetchedIsACloudQueryTable() {
    assertThat(CloudQueryTables.names()).containsAll(EVERYTHING);
  }

  @Test
  void aSkipListOfOtherServicesIsAccepted() throws ConfigException {
    Selection s =
        TableRegistry.choose(
            at("*"),
            at(
                "aws_cloudtrail_events",
                "aws_docdb_cluster_parameter_groups",
                "aws_ecr_repository_images",
                "aws_iam_*",
                "aws_servicequotas_*",
                "aws_ssm_*",
                "aws_ec2_vpc_endpoint_services"));
    assertThat(names(s))
        .hasSize(EVERYTHING.size() - 2)
        .doesNotContain(
            "aws_ec2_vpc_endpoint_services", "aws_ec2_vpc_endpoint_service_permissions");
    assertThat(s.unsupported()).isEmpty();
  }

  @Test
  void theRealWorldConfigsSelectTheirTables() throws Exception {
    Path dir = Path.of("../config/src/test/resources/real-world");
    Map<String, String> env =
        Map.of(
            "PG_CONNECTION_STRING",
            "postgresql://localhost/cq",
            "PGPASSWORD",
            "pw",
            "REGIONS",
            "[us-east-1]",
            "ACCOUNTS",
            "[{id: '111111111111'}]");
    Selection quickstart = choose(ConfigLoader.load(dir.resolve("01-skip-list-current.yml"), env));
    assertThat(names(quickstart))
        .hasSize(EVERYTHING.size() - 3)
        .doesNotContain(
            "aws_ec2_instance_types",
            "aws_ec2_vpc_endpoint_services",
            "aws_ec2_vpc_endpoint_service_permissions");
    assertThat(quickstart.unsupported()).isEmpty();
    Selection legacy =
        choose(ConfigLoader.load(dir.resolve("07-legacy-service-resource.yml"), env));
    assertThat(names(legacy))
        .containsExactly(
            "aws_ec2_instances",
            "aws_ec2_regional_configs",
            "aws_ec2_security_groups",
            "aws_ec2_vpcs");
    assertThat(legacy.unsupported())
        .containsExactly("aws_cloudtrail_trails", "aws_iam_users", "aws_s3_buckets");
    Selection mixed = choose(ConfigLoader.load(dir.resolve("13-tables-with-unsupported.yml"), env));
    assertThat(names(mixed)).containsExactly("aws_ec2_instances", "aws_ec2_security_groups");
    assertThat(mixed.unsupported())
        .containsExactly(
            "aws_s3_buckets", "aws_s3_bucket_policies", "aws_iam_*", "aws_rds_instances");
    Selection legacySkips =
        choose(ConfigLoader.load(dir.resolve("08-legacy-skip-resources.yml"), env));
    assertThat(names(legacySkips)).hasSize(EVERYTHING.size() - 3);
    Selection seed =
        choose(ConfigLoader.load(dir.resolve("12-legacy-seed-mixed-partitions.yml"), env));
    // ec2.* is every EC2 table: not aws_regions, not the organization tables
    assertThat(names(seed))
        .containsExactlyInAnyOrderElementsOf(
            EVERYTHING.stream().filter(n -> n.startsWith("aws_ec2_")).toList());
    assertThat(seed.unsupported()).containsExactly("aws_cloudtrail_events");
  }

  private static Selection choose(InventoryConfig config) throws ConfigException {
    return TableRegistry.choose(config.tables(), config.skipTables());
  }

  @Test
  void starAndAwsStarSelectEverythingFetched() throws ConfigException {
    assertThat(names(TableRegistry.choose(at("*"), List.of()))).isEqualTo(EVERYTHING);
    assertThat(names(TableRegistry.choose(at("aws_*"), List.of()))).isEqualTo(EVERYTHING);
    assertThat(TableRegistry.choose(at("aws_*"), List.of()).unsupported()).isEmpty();
  }

  @Test
  void explicitTablesNotFetchedAreReportedOnce() throws ConfigException {
    Selection s =
        TableRegistry.choose(
            at("aws_s3_buckets", "aws_ec2_vpcs", "aws_iam_*", "aws_s3_buckets"), List.of());
    assertThat(names(s)).containsExactly("aws_ec2_vpcs");
    assertThat(s.unsupported()).containsExactly("aws_s3_buckets", "aws_iam_*");
  }

  @Test
  void aNameInNoCatalogueFailsWithTheClosestName() {
    assertThatThrownBy(() -> TableRegistry.choose(at("aws_s3_bucket"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cq.yml:3:5: spec.tables[0]: unknown table 'aws_s3_bucket' (did you mean 'aws_s3_buckets'?)");
    assertThatThrownBy(() -> TableRegistry.choose(at("*"), at("aws_cloudtrail_event")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "unknown table 'aws_cloudtrail_event' (did you mean 'aws_cloudtrail_events'?)");
    assertThatThrownBy(() -> TableRegistry.choose(at("gcp_*"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cq.yml:3:5: spec.tables[0]: unknown table 'gcp_*'");
  }
}
