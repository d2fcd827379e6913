package dev.awsinventory.transforms.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's documented EC2 request buckets (one per account, region and action), so that calls are
 * spaced as AWS refills them instead of being throttled and retried. The tool always paginates
 * (passes MaxResults), which keeps the big describe actions in the ordinary 100 / 20 bucket. One
 * instance per (account, region) in a JVM, at 90% of AWS's sizes; it holds AWS's rate for the whole
 * job because the pipeline sends all slices of an (account, region) to one worker (InventoryGraph),
 * so no other JVM calls that bucket at the same time. Source: the EC2 developer guide, "Request
 * throttling" (reference/aws-limits.md).
 */
final class Ec2RateLimits {
  private static final double[] DEFAULT = {100, 20};
  private static final Map<String, double[]> SPECIAL =
      Map.of(
          "DescribeSpotFleetRequests", new double[] {50, 3},
          "DescribeSpotFleetInstances", new double[] {100, 5},
          "DescribeSecurityGroupReferences", new double[] {20, 5},
          "DescribeStaleSecurityGroups", new double[] {20, 5},
          "DescribeByoipCidrs", new double[] {1, 0.5});

  static final double MARGIN = 0.9;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  void acquire(String action) throws InterruptedException {
    buckets
        .computeIfAbsent(
            action,
            a -> {
              double[] b = SPECIAL.getOrDefault(a, DEFAULT);
              return new TokenBucket(Math.max(1, Math.floor(b[0] * MARGIN)), b[1] * MARGIN);
            })
        .take();
  }
}
