package dev.awsinventory.testing.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark scenario: the generated inventory (accounts x regions x tables, resources per table
 * and region), how the fake AWS answers (page size, latency per call, AWS's token buckets) and how
 * the job is run (fetch concurrency). The presets S0-S6 are those of the performance targets; every
 * field can be overridden, so a reduced run of a heavy preset is one property.
 *
 * @param perTable resources of each table in each (account, region)
 * @param pageSize the job's {@code --pageSize} (0: each action's maximum, 1000 for these tables)
 * @param latencyMs added before every EC2 answer
 * @param buckets whether the fake throttles like EC2 (a token bucket per account, region, action)
 * @param concurrency the job's {@code --fetchConcurrency}: slices in flight at once
 */
public record Scenario(
    String name,
    int accounts,
    int regions,
    List<String> tables,
    int perTable,
    int pageSize,
    int latencyMs,
    boolean buckets,
    int concurrency) {

  /** The four tables of the small scenarios, with the EC2 action each one lists. */
  public static final Map<String, String> FOUR =
      Map.of(
          "ec2.instances", "DescribeInstances",
          "ec2.vpcs", "DescribeVpcs",
          "ec2.subnets", "DescribeSubnets",
          "ec2.security_groups", "DescribeSecurityGroups");

  /** Commercial regions the fake knows as enabled by default (no opt-in). */
  public static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "eu-central-1",
          "eu-north-1",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-south-1",
          "sa-east-1",
          "ca-central-1");

  private static final List<String> FOUR_TABLES =
      List.of("ec2.instances", "ec2.vpcs", "ec2.subnets", "ec2.security_groups");

  /** A preset by name (S0-S6, S4 with 20 accounts; S4b: S4 with 2,000 accounts). */
  public static Scenario preset(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "S0" -> new Scenario("S0", 1, 1, FOUR_TABLES, 5, 0, 0, true, 32);
      case "S1" -> new Scenario("S1", 1, 1, FOUR_TABLES, 250_000, 0, 0, true, 32);
      case "S2" -> new Scenario("S2", 20, 16, List.of("*"), 5, 0, 100, true, 32);
      case "S3" ->
          new Scenario("S3", 1, 1, List.of("ec2.security_groups"), 25_000, 50, 0, true, 32);
      case "S4" -> new Scenario("S4", 20, 1, FOUR_TABLES, 12_500, 0, 0, true, 32);
      case "S4B" -> new Scenario("S4b", 2000, 1, FOUR_TABLES, 125, 0, 0, true, 32);
      case "S5" -> new Scenario("S5", 20, 15, FOUR_TABLES, 5, 0, 0, true, 32);
      case "S6" -> new Scenario("S6", 2000, 1, FOUR_TABLES, 5, 0, 0, true, 32);
      default -> throw new IllegalArgumentException("no scenario " + name + " (S0-S6, S4b)");
    };
  }

  /** The resources filled per (account, region): the action of each listed table. */
  public Map<String, String> filledActions() {
    return tables.contains("*")
        ? FOUR
        : FOUR.entrySet().stream()
            .filter(e -> tables.contains(e.getKey()))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Total generated resources (tables not filled list nothing). */
  public long resources() {
    return (long) accounts * regions * perTable * filledActions().size();
  }

  public Scenario withAccounts(int v) {
    return new Scenario(
        name, v, regions, tables, perTable, pageSize, latencyMs, buckets, concurrency);
  }

  public Scenario withRegions(int v) {
    return new Scenario(
        name, accounts, v, tables, perTable, pageSize, latencyMs, buckets, concurrency);
  }

  public Scenario withPerTable(int v) {
    return new Scenario(
        name, accounts, regions, tables, v, pageSize, latencyMs, buckets, concurrency);
  }

  public Scenario withPageSize(int v) {
    return new Scenario(
        name, accounts, regions, tables, perTable, v, latencyMs, buckets, concurrency);
  }

  public Scenario withLatencyMs(int v) {
    return new Scenario(
        name, accounts, regions, tables, perTable, pageSize, v, buckets, concurrency);
  }

  public Scenario withBuckets(boolean v) {
    return new Scenario(
        name, accounts, regions, tables, perTable, pageSize, latencyMs, v, concurrency);
  }

  public Scenario withConcurrency(int v) {
    return new Scenario(name, accounts, regions, tables, perTable, pageSize, latencyMs, buckets, v);
  }

  public Scenario withTables(List<String> v) {
    return new Scenario(
        name, accounts, regions, v, perTable, pageSize, latencyMs, buckets, concurrency);
  }
}
