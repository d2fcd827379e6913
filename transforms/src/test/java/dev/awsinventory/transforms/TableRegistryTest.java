package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.ConfigException;
import dev.awsinventory.config.Located;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TableRegistryTest {
  private static final Map<String, List<CloudQuerySchema>> CLOUDQUERY = CloudQuerySchema.byTable();

  @Test
  void namesAreUniqueAndEveryTableHasAKeyAndACall() {
    Set<String> names = new HashSet<>();
    for (Table<?> t : TableRegistry.all()) {
      assertThat(names.add(t.name())).as("unique name %s", t.name()).isTrue();
      assertThat(t.name()).matches("aws_[a-z0-9_]+");
      assertThat(t.primaryKey()).as(t.name()).isNotEmpty();
      assertThat(t.columnNames()).as(t.name()).containsAll(t.primaryKey());
      assertThat(t.apiCalls())
          .as(t.name())
          .isNotEmpty()
          .allMatch(call -> call.matches("(Describe|Get|List)[A-Za-z0-9]+"));
      if (t.parent() != null) {
        assertThat(TableRegistry.all())
            .as("parent of %s is registered", t.name())
            .contains(t.parent());
      }
      assertThat(t.description()).as(t.name()).isNotBlank();
      assertThat(t.columnNames())
          .as(t.name())
          .doesNotHaveDuplicates()
          .contains(
              "_cq_id",
              "_cq_parent_id",
              "_cq_source_name",
              "_cq_sync_time",
              "account_id",
              "region");
    }
  }

  @Test
  void everyCloudQueryEc2TableAndRegionsAreDeclared() {
    Set<String> ours = TableRegistry.all().stream().map(Table::name).collect(Collectors.toSet());
    Set<String> ec2 =
        CLOUDQUERY.keySet().stream()
            .filter(n -> n.startsWith("aws_ec2_"))
            .collect(Collectors.toSet());
    Set<String> organizations =
        CLOUDQUERY.keySet().stream()
            .filter(n -> n.startsWith("aws_organizations_"))
            .collect(Collectors.toSet());
    Set<String> expected = new HashSet<>(ec2);
    expected.addAll(organizations);
    expected.add("aws_regions");
    assertThat(ec2).isNotEmpty();
    assertThat(organizations).isNotEmpty();
    assertThat(ours).isEqualTo(expected);
  }

  @Test
  void everyTableIsOneCloudQueryKnows() {
    for (Table<?> t : TableRegistry.all()) {
      assertThat(CLOUDQUERY).as("CloudQuery has %s", t.name()).containsKey(t.name());
    }
  }

  @Test
  void everyCloudQueryColumnExistsWithTheSameType() {
    for (Table<?> t : TableRegistry.all()) {
      Map<String, String> ours =
          t.columns().stream().collect(Collectors.toMap(Column::name, c -> c.type().sql()));
      for (CloudQuerySchema c : CLOUDQUERY.get(t.name())) {
        assertThat(ours).as("%s.%s", t.name(), c.column()).containsKey(c.column());
        assertThat(ours.get(c.column()))
            .as("type of %s.%s", t.name(), c.column())
            .isEqualTo(c.sqlType());
      }
    }
  }

  /** Tables whose key adds account_id to CloudQuery's, as RAM shares their resources. */
  private static final java.util.Set<String> SHARED_BETWEEN_ACCOUNTS =
      java.util.Set.of("aws_ec2_capacity_reservations");

  /**
   * CloudQuery's key, plus a column where its key does not tell a parent's children apart, and plus
   * account_id where a resource shared between accounts would otherwise be one row.
   */
  @Test
  void primaryKeysAreCloudQuerys() {
    for (Table<?> t : TableRegistry.all()) {
      List<String> theirs =
          new java.util.ArrayList<>(
              CLOUDQUERY.get(t.name()).stream()
                  .filter(CloudQuerySchema::primaryKey)
                  .map(CloudQuerySchema::column)
                  .toList());
      if (SHARED_BETWEEN_ACCOUNTS.contains(t.name())) {
        assertThat(theirs).as(t.name()).doesNotContain("account_id");
        theirs.add(0, "account_id");
      }
      assertThat(t.primaryKey()).as(t.name()).containsAll(theirs);
      if (t.parent() == null) {
        assertThat(t.primaryKey()).as(t.name()).containsExactlyInAnyOrderElementsOf(theirs);
      }
    }
  }

  @Test
  void childTablesNameTheParentCloudQueryNames() {
    for (Table<?> t : TableRegistry.all()) {
      String parent = CLOUDQUERY.get(t.name()).get(0).parent();
      if (!parent.isEmpty()) {
        assertThat(t.parent()).as("%s is a child", t.name()).isNotNull();
        assertThat(t.parent().name()).as("parent of %s", t.name()).isEqualTo(parent);
      }
    }
  }

  @Test
  void instancesAndSecurityGroupsHaveTheColumnsOfTheReferencePage() {
    assertThat(TableRegistry.get("aws_ec2_security_groups").columnNames())
        .contains(
            "_cq_id",
            "_cq_parent_id",
            "account_id",
            "region",
            "arn",
            "tags",
            "description",
            "group_id",
            "group_name",
            "ip_permissions",
            "ip_permissions_egress",
            "owner_id",
            "vpc_id");
    assertThat(TableRegistry.get("aws_ec2_instances").columnNames())
        .contains(
            "arn",
            "state_transition_reason_time",
            "tags",
            "ami_launch_index",
            "ipv6_address",
            "ebs_optimized",
            "sriov_net_support",
            "private_dns_name_options",
            "usage_operation_update_time",
            "vpc_id");
    assertThat(TableRegistry.get("aws_ec2_instances").primaryKey()).containsExactly("arn");
  }

  @Test
  void selectionTakesGlobsAndSkips() throws ConfigException {
    List<Table<?>> vpcs =
        TableRegistry.select(List.of(at("aws_ec2_vpc*")), List.of(at("aws_ec2_vpc_*")));
    assertThat(vpcs).extracting(Table::name).containsExactly("aws_ec2_vpcs");
    List<Table<?>> most = TableRegistry.select(List.of(at("*")), List.of(at("aws_ec2_s*")));
    assertThat(most)
        .extracting(Table::name)
        .doesNotContain("aws_ec2_subnets", "aws_ec2_security_groups")
        .contains("aws_ec2_instances", "aws_regions");
  }

  @Test
  void anUnknownTableNamesTheClosestOne() {
    assertThatThrownBy(() -> TableRegistry.select(List.of(at("aws_ec2_instance")), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cq.yml:7:5: tables[0]: unknown table 'aws_ec2_instance' (did you mean 'aws_ec2_instances'?)");
  }

  private static Located<String> at(String pattern) {
    return new Located<>(pattern, "cq.yml", 7, 5, "tables[0]");
  }
}
