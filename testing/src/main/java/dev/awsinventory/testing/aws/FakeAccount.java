package dev.awsinventory.testing.aws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An AWS account of the fake: its roles, its enabled and not-opted-in regions, and its resources
 * per region.
 */
public final class FakeAccount {

  static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");

  private final FakeAws aws;
  private final String id;
  private final Map<String, FakeRegion> regions = new ConcurrentHashMap<>();
  private volatile Set<String> enabled = new LinkedHashSet<>(DEFAULT_REGIONS);
  private volatile Set<String> notOptedIn = new LinkedHashSet<>();

  FakeAccount(FakeAws aws, String id) {
    this.aws = aws;
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * Creates the role {@code arn:aws:iam::<id>:role/<name>} whose trust policy lets principals of
   * the given accounts (this account when none are given) assume it. Returns the role ARN.
   */
  public String role(String name, String... trustedAccountIds) {
    Set<String> trusted = trustedAccountIds.length == 0 ? Set.of(id) : Set.of(trustedAccountIds);
    String arn = "arn:aws:iam::" + id + ":role/" + name;
    aws.addRole(new Role(arn, id, name, trusted));
    return arn;
  }

  /** Sets the regions enabled for this account (default us-east-1, us-west-2, eu-west-1). */
  public synchronized FakeAccount regions(String... enabledRegions) {
    Set<String> now = new LinkedHashSet<>(Arrays.asList(enabledRegions));
    Set<String> off = new LinkedHashSet<>(notOptedIn);
    off.removeAll(now);
    enabled = now;
    notOptedIn = off;
    return this;
  }

  /**
   * Adds opt-in regions this account has not enabled; calls there fail and DescribeRegions hides
   * them.
   */
  public synchronized FakeAccount notOptedIn(String... optInRegions) {
    Set<String> off = new LinkedHashSet<>(notOptedIn);
    off.addAll(Arrays.asList(optInRegions));
    Set<String> now = new LinkedHashSet<>(enabled);
    now.removeAll(off);
    enabled = now;
    notOptedIn = off;
    return this;
  }

  /** The resources of this account in a region (created on first use; enabled or not). */
  public FakeRegion region(String region) {
    return regions.computeIfAbsent(region, r -> new FakeRegion(id, r));
  }

  public List<String> enabledRegions() {
    return new ArrayList<>(enabled);
  }

  public List<String> notOptedInRegions() {
    return new ArrayList<>(notOptedIn);
  }

  boolean enabled(String region) {
    return enabled.contains(region);
  }
}
