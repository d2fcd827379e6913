package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudQueryTablesTest {
  @TempDir Path dir;

  @Test
  void theCatalogueHasEveryTableOfTheAwsSource() {
    assertThat(CloudQueryTables.names())
        .hasSize(706)
        .contains("aws_cloudtrail_events", "aws_ec2_instances", "aws_regions", "aws_s3_buckets")
        .allMatch(name -> name.matches("aws_[a-z0-9_]+"));
    assertThat(CloudQueryTables.names().stream().filter(n -> n.startsWith("aws_ec2_"))).hasSize(51);
    assertThat(CloudQueryTables.matchesAny("aws_iam_*")).isTrue();
    assertThat(CloudQueryTables.matchesAny("aws_nothing_*")).isFalse();
  }

  @Test
  void legacyResourceNamesBecomeCatalogueNames() {
    assertThat(CloudQueryTables.legacyTable("ec2.instances")).contains("aws_ec2_instances");
    assertThat(CloudQueryTables.legacyTable("cloudtrail.events")).contains("aws_cloudtrail_events");
    assertThat(CloudQueryTables.legacyTable("ec2.regional_config"))
        .contains("aws_ec2_regional_configs");
    assertThat(CloudQueryTables.legacyTable("iam.password_policy"))
        .contains("aws_iam_password_policies");
    assertThat(CloudQueryTables.legacyTable("ec2.instancez")).isEmpty();
  }

  @Test
  void theLegacyLayoutMapsResourcesAndSkippedResources() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            resources: [ec2.instances, ec2.regional_config, "ec2.*", cloudtrail.events, ec2.instancez]
            skip_resources: [cloudtrail.events, docdb.cluster_parameter_groups, "iam.*"]
        """);
    assertThat(config.tables().stream().map(Located::value))
        .containsExactly(
            "aws_ec2_instances",
            "aws_ec2_regional_configs",
            "aws_ec2_*",
            "aws_cloudtrail_events",
            "aws_ec2_instancez");
    assertThat(config.skipTables().stream().map(Located::value))
        .isEqualTo(
            List.of("aws_cloudtrail_events", "aws_docdb_cluster_parameter_groups", "aws_iam_*"));
  }
}
