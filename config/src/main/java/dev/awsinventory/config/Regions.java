package dev.awsinventory.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * AWS regions and partitions as the AWS SDK's endpoint metadata knows them ({@link
 * Region#regions()}, {@link PartitionMetadata}), and region globs. A region launched after this SDK
 * version is "well formed" when a partition's region pattern matches it and its middle part is a
 * direction used by known regions ({@code eu-central-3}); such names are accepted with a warning
 * and checked at run time against DescribeRegions.
 */
public final class Regions {
  private static final Pattern PARTS = Pattern.compile("(.+)-([a-z]+)-(\\d+)");
  private static final Set<String> KNOWN = known(false);
  private static final Set<String> DIRECTIONS = directions();
  private static final Map<String, String> DEFAULT_REGION =
      Map.of("aws", "us-east-1", "aws-cn", "cn-north-1", "aws-us-gov", "us-gov-west-1");

  private Regions() {}

  /** Every region code of every partition in the SDK's metadata, global pseudo-regions excluded. */
  public static Set<String> known() {
    return KNOWN;
  }

  /** Whether the SDK's metadata lists {@code region}. */
  public static boolean isKnown(String region) {
    return KNOWN.contains(region);
  }

  /**
   * Whether an unknown {@code region} looks like an AWS region code: a partition's region pattern
   * matches it and its direction ({@code central} in {@code eu-central-3}) is one that known
   * regions use. {@code us-est-1} is not.
   */
  public static boolean isWellFormed(String region) {
    Matcher m = PARTS.matcher(region);
    if (!m.matches() || !DIRECTIONS.contains(m.group(2))) {
      return false;
    }
    String partition = partition(region);
    return Pattern.compile(PartitionMetadata.of(partition).regionRegex()).matcher(region).matches();
  }

  /** Glob match with {@code *} (any run of characters) and {@code ?} (one character). */
  public static boolean matches(String pattern, String region) {
    if (pattern.equals("*")) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), region);
  }

  /** Whether {@code region} is a glob ({@code *} or {@code ?}) rather than one name. */
  public static boolean isPattern(String region) {
    return region.indexOf('*') >= 0 || region.indexOf('?') >= 0;
  }

  /**
   * The partition id of a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...), from the
   * SDK's metadata; a region it does not list gets the partition whose region pattern matches it
   * ({@link PartitionMetadata#of(Region)}). The one place partitions are decided.
   */
  public static String partition(String region) {
    return PartitionMetadata.of(Region.of(region)).id();
  }

  /**
   * The region for an account's STS and DescribeRegions calls when {@code default_region} is not
   * set: the first of {@code candidates} (configured region names, then {@code AWS_REGION}, then
   * the profile's region) that is in {@code partition} (any partition when null), else the
   * partition's usual first region.
   */
  static String defaultRegion(String partition, Iterable<String> candidates) {
    for (String region : candidates) {
      if (region != null
          && !region.isBlank()
          && !isPattern(region)
          && (partition == null || partition(region).equals(partition))) {
        return region;
      }
    }
    return defaultRegion(partition == null ? "aws" : partition);
  }

  /**
   * The partition's usual first region: {@code us-east-1}, {@code cn-north-1}, {@code
   * us-gov-west-1}.
   */
  static String defaultRegion(String partition) {
    String region = DEFAULT_REGION.get(partition);
    if (region != null) {
      return region;
    }
    return KNOWN.stream()
        .filter(r -> partition(r).equals(partition))
        .findFirst()
        .orElse("us-east-1");
  }

  /** The partition of every known region, for docs and tests. */
  static Map<String, String> partitions() {
    Map<String, String> out = new LinkedHashMap<>();
    KNOWN.forEach(r -> out.put(r, partition(r)));
    return out;
  }

  /** The closest known region to a name that is not one. */
  static Optional<String> closest(String region) {
    return Suggest.closest(region, KNOWN);
  }

  private static Set<String> known(boolean global) {
    Set<String> out = new TreeSet<>();
    for (Region r : Region.regions()) {
      if (r.isGlobalRegion() == global && PARTS.matcher(r.id()).matches()) {
        out.add(r.id());
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(out));
  }

  private static Set<String> directions() {
    Set<String> out = new TreeSet<>();
    for (String region : KNOWN) {
      Matcher m = PARTS.matcher(region);
      if (m.matches()) {
        out.add(m.group(2));
      }
    }
    return Collections.unmodifiableSet(out);
  }
}
