package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.CloudQueryTables;
import dev.awsinventory.config.ConfigException;
import dev.awsinventory.config.Located;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import dev.awsinventory.transforms.tables.TableRegistry.Selection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** tables / skip_tables against CloudQuery's whole AWS catalogue and the tables fetched here. */
class TableSelectionTest {
  private static final List<String> EVERYTHING =
      TableRegistry.all().stream().map(Table::name).toList();

  private static List<Located<String>> at(String... patterns) {
    return Stream.of(patterns).map(p -> new Located<>(p, "cq.yml", 3, 5, "spec.tables[0]")).toList();
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
    Selection s = TableRegistry.choose(at("*"), at("aws_cloudtrail_events",
        "aws_docdb_cluster_parameter_groups", "aws_ecr_repository_images", "aws_iam_*",
        "aws_servicequotas_*", "aws_ssm_*", "aws_ec2_vpc_endpoint_services",
        "aws_ec2_vpc_endpoint_service_permissions"));
    assertThat(names(s)).hasSize(EVERYTHING.size() - 2)
        .doesNotContain("aws_ec2_vpc_endpoint_services", "aws_ec2_vpc_endpoint_service_permissions");
    assertThat(s.unsupported()).isEmpty();
  }

  @Test
  void starAndAwsStarSelectEverythingFetched() throws ConfigException {
    assertThat(names(TableRegistry.choose(at("*"), List.of()))).isEqualTo(EVERYTHING);
    assertThat(names(TableRegistry.choose(at("aws_*"), List.of()))).isEqualTo(EVERYTHING);
    assertThat(TableRegistry.choose(at("aws_*"), List.of()).unsupported()).isEmpty();
  }

  @Test
  void explicitTablesNotFetchedAreReportedOnce() throws ConfigException {
    Selection s = TableRegistry.choose(
        at("aws_s3_buckets", "aws_ec2_vpcs", "aws_iam_*", "aws_s3_buckets"), List.of());
    assertThat(names(s)).containsExactly("aws_ec2_vpcs");
    assertThat(s.unsupported()).containsExactly("aws_s3_buckets", "aws_iam_*");
  }

  @Test
  void aNameInNoCatalogueFailsWithTheClosestName() {
    assertThatThrownBy(() -> TableRegistry.choose(at("aws_s3_bucket"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cq.yml:3:5: spec.tables[0]: unknown table 'aws_s3_bucket' (did you mean 'aws_s3_buckets'?)");
    assertThatThrownBy(() -> TableRegistry.choose(at("*"), at("aws_cloudtrail_event")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown table 'aws_cloudtrail_event' (did you mean 'aws_cloudtrail_events'?)");
    assertThatThrownBy(() -> TableRegistry.choose(at("gcp_*"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cq.yml:3:5: spec.tables[0]: unknown table 'gcp_*'");
  }
}
