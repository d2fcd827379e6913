package dev.awsinventory.testing.aws;

import java.util.Set;

/**
 * A token bucket like EC2's request throttling: one token a call, refilled continuously up to its
 * size.
 */
final class TokenBucket {

  private static final Set<String> BIG_ACTIONS =
      Set.of(
          "DescribeInstances",
          "DescribeInstanceStatus",
          "DescribeNetworkInterfaces",
          "DescribeSecurityGroups",
          "DescribeSnapshots",
          "DescribeSpotInstanceRequests",
          "DescribeVolumes");

  private final double size;
  private final double refillPerSecond;
  private double tokens;
  private long last;

  TokenBucket(double size, double refillPerSecond) {
    this.size = size;
    this.refillPerSecond = refillPerSecond;
    this.tokens = size;
    this.last = System.nanoTime();
  }

  /**
   * The bucket AWS documents for an action; {@code unpaged} means called with no MaxResults and no
   * filter.
   */
  static TokenBucket forAction(String action, boolean unpaged) {
    return switch (action) {
      case "DescribeSpotFleetRequests" -> new TokenBucket(50, 3);
      case "DescribeSpotFleetInstances" -> new TokenBucket(100, 5);
      case "DescribeSecurityGroupReferences", "DescribeStaleSecurityGroups" ->
          new TokenBucket(20, 5);
      case "DescribeByoipCidrs" -> new TokenBucket(1, 0.5);
      default ->
          unpaged && BIG_ACTIONS.contains(action)
              ? new TokenBucket(50, 10)
              : new TokenBucket(100, 20);
    };
  }

  /**
   * Which bucket a call draws from: the big actions have a separate, smaller one when called
   * unpaged.
   */
  static String key(String account, String region, String action, boolean unpaged) {
    return account
        + "/"
        + region
        + "/"
        + action
        + (unpaged && BIG_ACTIONS.contains(action) ? "/unpaged" : "");
  }

  synchronized boolean take() {
    long now = System.nanoTime();
    tokens = Math.min(size, tokens + (now - last) / 1e9 * refillPerSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
