package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configs in the shapes CloudQuery users publish, each loading to exactly the expected accounts
 * (name, default region, own regions), regions, tables and skip_tables.
 */
class RealWorldConfigsTest {
  private static final Path DIR = Path.of("src/test/resources/real-world");
  private static final Map<String, String> ENV =
      Map.of(
          "PG_CONNECTION_STRING", "postgresql://cq:env-secret@db.internal:5432/cq?sslmode=require",
          "PGPASSWORD", "env-secret",
          "REGIONS", "[us-east-1, eu-west-1]",
          "ACCOUNTS",
              "[{id: '111111111111', role_arn: 'arn:aws:iam::111111111111:role/cq'},"
                  + " {account_name: legacy, local_profile: legacy}]");

  /** What one file must load to. Accounts are written name@default_region[own regions]. */
  record Expected(
      String file,
      List<String> accounts,
      List<String> regions,
      List<String> tables,
      List<String> skipTables,
      int warnings) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> files() {
    return Stream.of(
        new Expected(
            "01-skip-list-current.yml",
            List.of(),
            List.of(),
            List.of("*"),
            List.of(
                "aws_ec2_vpc_endpoint_services",
                "aws_cloudtrail_events",
                "aws_docdb_cluster_parameter_groups",
                "aws_docdb_engine_versions",
                "aws_ec2_instance_types",
                "aws_elasticache_engine_versions",
                "aws_elasticache_parameter_groups",
                "aws_elasticache_reserved_cache_nodes_offerings",
                "aws_elasticache_service_updates",
                "aws_iam_group_last_accessed_details",
                "aws_iam_policy_last_accessed_details",
                "aws_iam_role_last_accessed_details",
                "aws_iam_user_last_accessed_details",
                "aws_neptune_cluster_parameter_groups",
                "aws_neptune_db_parameter_groups",
                "aws_rds_cluster_parameter_groups",
                "aws_rds_db_parameter_groups",
                "aws_rds_engine_versions",
                "aws_servicequotas_services",
                "aws_stepfunctions_map_run_executions",
                "aws_stepfunctions_map_runs"),
            0),
        new Expected(
            "02-accounts-from-variable.yml",
            List.of("111111111111@us-east-1", "legacy@us-east-1"),
            List.of("us-east-1", "eu-west-1"),
            List.of("aws_ec2_*"),
            List.of("aws_ec2_image*", "aws_ec2_instance_types"),
            0),
        new Expected(
            "03-accounts-from-file.yml",
            List.of("shared-services@us-east-1", "sandbox@us-west-2[us-west-2]"),
            List.of("us-east-1", "eu-west-1"),
            List.of(
                "aws_ec2_instances",
                "aws_ec2_security_groups",
                "aws_ec2_subnets",
                "aws_ec2_vpcs",
                "aws_s3_buckets",
                "aws_iam_roles"),
            List.of(),
            0),
        new Expected(
            "04-china.yml",
            List.of("cn-prod@cn-north-1", "cn-dev@cn-north-1"),
            List.of("cn-north-1", "cn-northwest-1"),
            List.of("aws_ec2_instances", "aws_ec2_vpcs", "aws_regions"),
            List.of(),
            0),
        new Expected(
            "05-govcloud.yml",
            List.of(
                "gov-workloads@us-gov-west-1",
                "gov-logging@us-gov-west-1[us-gov-west-1]",
                "gov-east@us-gov-east-1"),
            List.of("us-gov-*"),
            List.of("aws_ec2_*"),
            List.of("aws_ec2_vpc_endpoint_services", "aws_cloudtrail_*", "aws_iam_*"),
            0),
        new Expected(
            "06-new-region.yml",
            List.of(),
            List.of("eu-central-1", "eu-central-2", "eu-central-3"),
            List.of("aws_ec2_instances"),
            List.of(),
            1),
        new Expected(
            "07-legacy-service-resource.yml",
            List.of("222222222222@us-east-1"),
            List.of("us-east-1", "us-west-2"),
            List.of(
                "aws_ec2_instances",
                "aws_ec2_security_groups",
                "aws_ec2_vpcs",
                "aws_ec2_regional_configs",
                "aws_cloudtrail_trails",
                "aws_iam_users",
                "aws_s3_buckets"),
            List.of(),
            0),
        new Expected(
            "08-legacy-skip-resources.yml",
            List.of("dev@us-east-1", "prod@us-east-1"),
            List.of("*"),
            List.of("*"),
            List.of(
                "aws_cloudtrail_events",
                "aws_ec2_instance_types",
                "aws_ec2_vpc_endpoint_services",
                "aws_iam_policy_last_accessed_details",
                "aws_rds_engine_versions"),
            0),
        new Expected(
            "09-org.yml",
            List.of(),
            List.of("us-east-1", "eu-west-1"),
            List.of("aws_ec2_*", "aws_regions"),
            List.of(),
            0),
        new Expected(
            "10-two-destinations.yml",
            List.of("main@us-east-1"),
            List.of("us-*", "eu-west-?"),
            List.of("aws_ec2_instances", "aws_ec2_ebs_volumes", "aws_lambda_functions"),
            List.of(),
            0),
        new Expected(
            "11-aws-star-with-options.yml",
            List.of(),
            List.of("us-east-1", "eu-west-1"),
            List.of("aws_*"),
            List.of(
                "aws_ec2_vpc_endpoint_services",
                "aws_cloudtrail_events",
                "aws_cloudwatchlogs_*",
                "aws_config_*",
                "aws_securityhub_findings",
                "aws_inspector2_findings",
                "aws_guardduty_detector_findings"),
            0),
        new Expected(
            "12-legacy-seed-mixed-partitions.yml",
            List.of("commercial@us-east-1", "china@cn-north-1", "gov@us-gov-west-1"),
            List.of("us-east-1", "cn-north-1", "us-gov-west-1"),
            List.of("aws_ec2_*", "aws_cloudtrail_events"),
            List.of(),
            0),
        new Expected(
            "13-tables-with-unsupported.yml",
            List.of("prod@us-east-2"),
            List.of("us-east-1"),
            List.of(
                "aws_ec2_instances",
                "aws_ec2_security_groups",
                "aws_s3_buckets",
                "aws_s3_bucket_policies",
                "aws_iam_*",
                "aws_rds_instances"),
            List.of(),
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsToTheExpectedAccountsRegionsAndTables(Expected e) throws Exception {
    InventoryConfig config = ConfigLoader.load(DIR.resolve(e.file()), ENV);
    assertThat(config.accounts().stream().map(RealWorldConfigsTest::describe).toList())
        .isEqualTo(e.accounts());
    assertThat(config.regions()).isEqualTo(e.regions());
    assertThat(config.tables().stream().map(Located::value).toList()).isEqualTo(e.tables());
    assertThat(config.skipTables().stream().map(Located::value).toList()).isEqualTo(e.skipTables());
    assertThat(config.warnings()).hasSize(e.warnings());
    assertThat(config.toString()).doesNotContain("env-secret").doesNotContain("from-a-file");
  }

  @Test
  void everyFileHasAnExpectation() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(
              files.filter(p -> p.toString().endsWith(".yml")).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              files().map(Expected::file).collect(Collectors.toList()))
          .hasSizeGreaterThanOrEqualTo(12);
    }
  }

  @Test
  void theDetailsThatDifferBetweenShapesAreRead() throws Exception {
    InventoryConfig fromFile = ConfigLoader.load(DIR.resolve("03-accounts-from-file.yml"), ENV);
    assertThat(fromFile.accounts().get(0).externalId()).contains("shared-services-ext");
    assertThat(fromFile.database().orElseThrow().password()).contains("from-a-file");
    assertThat(fromFile.database().orElseThrow().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/asset_inventory?sslmode=require");

    InventoryConfig china = ConfigLoader.load(DIR.resolve("04-china.yml"), ENV);
    assertThat(china.sourceName()).isEqualTo("aws-china");
    assertThat(Regions.partition(china.accounts().get(0).defaultRegion())).isEqualTo("aws-cn");
    assertThat(china.accounts().get(1).localProfile()).contains("cn-dev");

    InventoryConfig org = ConfigLoader.load(DIR.resolve("09-org.yml"), ENV);
    OrgConfig o = org.org().orElseThrow();
    assertThat(o.memberRoleName()).isEqualTo("OrganizationAccountAccessRole");
    assertThat(o.adminAccount().orElseThrow().localProfile()).contains("management");
    assertThat(o.memberRegions()).contains(List.of("us-east-1"));
    assertThat(o.organizationUnits()).containsExactly("ou-abcd-11111111", "ou-abcd-22222222");
    assertThat(o.skipOrganizationUnits()).containsExactly("ou-abcd-33333333");
    assertThat(o.skipMemberAccounts()).containsExactly("999999999999");

    InventoryConfig twoDestinations =
        ConfigLoader.load(DIR.resolve("10-two-destinations.yml"), ENV);
    assertThat(twoDestinations.writeMode()).isEqualTo(WriteMode.OVERWRITE);
    assertThat(twoDestinations.database().orElseThrow().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/cq?sslmode=require");

    InventoryConfig newRegion = ConfigLoader.load(DIR.resolve("06-new-region.yml"), ENV);
    assertThat(newRegion.warnings())
        .singleElement()
        .asString()
        .contains("06-new-region.yml:9:43: spec.spec.regions[2]: region 'eu-central-3'");
  }

  private static String describe(AccountConfig a) {
    return a.name()
        + "@"
        + a.defaultRegion()
        + a.regions().map(r -> r.toString().replace(" ", "")).orElse("");
  }
}
