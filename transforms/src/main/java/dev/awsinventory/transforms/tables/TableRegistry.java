package dev.awsinventory.transforms.tables;

import dev.awsinventory.config.CloudQueryTables;
import dev.awsinventory.config.ConfigException;
import dev.awsinventory.config.Located;
import dev.awsinventory.config.Regions;
import dev.awsinventory.config.Suggest;
import dev.awsinventory.transforms.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every table the tool knows: one line per declaration. */
public final class TableRegistry {
  private static final List<Table<?>> ALL =
      List.of(
          AwsRegions.TABLE,
          Ec2AccountAttributes.TABLE,
          Ec2ByoipCidrs.TABLE,
          Ec2CapacityReservations.TABLE,
          Ec2CustomerGateways.TABLE,
          Ec2DhcpOptions.TABLE,
          Ec2EbsSnapshots.TABLE,
          Ec2EbsSnapshotAttributes.TABLE,
          Ec2EbsVolumeStatuses.TABLE,
          Ec2EbsVolumes.TABLE,
          Ec2EgressOnlyInternetGateways.TABLE,
          Ec2Eips.TABLE,
          Ec2FlowLogs.TABLE,
          Ec2Hosts.TABLE,
          Ec2Images.TABLE,
          Ec2ImageLastLaunchedTimes.TABLE,
          Ec2ImageLaunchPermissions.TABLE,
          Ec2InstanceConnectEndpoints.TABLE,
          Ec2Instances.TABLE,
          Ec2InstanceStatuses.TABLE,
          Ec2InstanceTypes.TABLE,
          Ec2InternetGateways.TABLE,
          Ec2KeyPairs.TABLE,
          Ec2LaunchTemplates.TABLE,
          Ec2LaunchTemplateVersions.TABLE,
          Ec2ManagedPrefixLists.TABLE,
          Ec2NatGateways.TABLE,
          Ec2NetworkAcls.TABLE,
          Ec2NetworkInterfaces.TABLE,
          Ec2RegionalConfigs.TABLE,
          Ec2ReservedInstances.TABLE,
          Ec2RouteTables.TABLE,
          Ec2SecurityGroups.TABLE,
          Ec2SpotFleetRequests.TABLE,
          Ec2SpotFleetInstances.TABLE,
          Ec2SpotInstanceRequests.TABLE,
          Ec2Subnets.TABLE,
          Ec2TransitGateways.TABLE,
          Ec2TransitGatewayAttachments.TABLE,
          Ec2TransitGatewayMulticastDomains.TABLE,
          Ec2TransitGatewayPeeringAttachments.TABLE,
          Ec2TransitGatewayRouteTables.TABLE,
          Ec2TransitGatewayVpcAttachments.TABLE,
          Ec2VpcEndpointConnections.TABLE,
          Ec2VpcEndpointServiceConfigurations.TABLE,
          Ec2VpcEndpointServices.TABLE,
          Ec2VpcEndpointServicePermissions.TABLE,
          Ec2VpcEndpoints.TABLE,
          Ec2VpcPeeringConnections.TABLE,
          Ec2Vpcs.TABLE,
          Ec2VpnConnections.TABLE,
          Ec2VpnGateways.TABLE,
          OrganizationsAccounts.TABLE,
          OrganizationsAccountParents.TABLE,
          OrganizationsOrganizationalUnits.TABLE,
          OrganizationsRoots.TABLE);

  private static final Map<String, Table<?>> BY_NAME = index();

  private TableRegistry() {}

  public static List<Table<?>> all() {
    return ALL;
  }

  public static Table<?> get(String name) {
    Table<?> t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown table " + name);
    }
    return t;
  }

  /**
   * The tables chosen by {@code tables} minus {@code skip_tables} (globs; a skipped table skips its
   * child tables, as in CloudQuery), in registry order, plus the parent of every chosen child table
   * (a child is listed per parent resource). A pattern that matches no table of CloudQuery's AWS
   * catalogue ({@link CloudQueryTables}) is a config error naming the closest table; see {@link
   * #choose} for patterns of tables not fetched.
   */
  public static List<Table<?>> select(List<Located<String>> include, List<Located<String>> skip)
      throws ConfigException {
    return choose(include, skip).tables();
  }

  /**
   * The tables chosen, and the {@code tables} patterns that name only CloudQuery tables this tool
   * does not fetch ({@code aws_s3_buckets}, {@code aws_iam_*}): those are reported, not fatal.
   * {@code skip_tables} patterns that match only such tables are accepted silently.
   *
   * @throws ConfigException at the first pattern that matches no CloudQuery AWS table at all
   */
  public static Selection choose(List<Located<String>> include, List<Located<String>> skip)
      throws ConfigException {
    List<String> unsupported = new ArrayList<>();
    for (Located<String> p : include) {
      if (!matchesRegistry(p)) {
        unsupported.add(p.value());
      }
    }
    for (Located<String> p : skip) {
      matchesRegistry(p);
    }
    List<Table<?>> out = new ArrayList<>();
    Set<String> chosen = new HashSet<>();
    for (Table<?> t : ALL) {
      if (matchesAny(include, t.name()) && !skipped(skip, t)) {
        for (Table<?> p = t; p != null; p = p.parent()) {
          chosen.add(p.name());
        }
      }
    }
    for (Table<?> t : ALL) {
      if (chosen.contains(t.name())) {
        out.add(t);
      }
    }
    return new Selection(List.copyOf(out), List.copyOf(new LinkedHashSet<>(unsupported)));
  }

  /**
   * The result of {@link #choose}: tables to fetch, and {@code tables} patterns (as written) naming
   * only CloudQuery tables that are not fetched.
   */
  public record Selection(List<Table<?>> tables, List<String> unsupported) {}

  /** True when {@code p} matches a fetched table; false when only catalogue tables; else fails. */
  private static boolean matchesRegistry(Located<String> p) throws ConfigException {
    if (BY_NAME.keySet().stream().anyMatch(name -> Regions.matches(p.value(), name))) {
      return true;
    }
    if (CloudQueryTables.matchesAny(p.value())) {
      return false;
    }
    Set<String> known = new LinkedHashSet<>(BY_NAME.keySet());
    known.addAll(CloudQueryTables.names());
    String hint =
        Suggest.closest(p.value(), known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    throw new ConfigException(p, p.key(), "unknown table '" + p.value() + "'" + hint);
  }

  /** A skipped table skips its child tables too, as in CloudQuery. */
  private static boolean skipped(List<Located<String>> skip, Table<?> t) {
    for (Table<?> p = t; p != null; p = p.parent()) {
      if (matchesAny(skip, p.name())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAny(List<Located<String>> patterns, String name) {
    return patterns.stream().anyMatch(p -> Regions.matches(p.value(), name));
  }

  private static Map<String, Table<?>> index() {
    Map<String, Table<?>> out = new LinkedHashMap<>();
    for (Table<?> t : ALL) {
      if (out.put(t.name(), t) != null) {
        throw new IllegalStateException("table declared twice: " + t.name());
      }
    }
    return out;
  }
}
