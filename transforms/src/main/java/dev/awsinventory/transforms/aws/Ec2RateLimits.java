package dev.awsinventory.transforms.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's documented EC2 request buckets (one per account, region and action), so that calls are
 * spaced as AWS refills them instead of being throttled and retried. The tool always paginates
 * (passes MaxResults), which keeps the big describe actions in the ordinary 100 / 20 bucket. One
 * instance per (account, region) in a JVM, at AWS's rates and one token less than AWS's sizes (the
 * token absorbs up to one refill interval of difference between the delays of two calls on the way
 * to AWS; see {@link TokenBucket}) until AWS throttles a call of that action, then at {@link
 * #SHARE} of them: a throttle means another client of the account calls it too. It holds AWS's rate
 * for the whole job because the pipeline sends all slices of an (account, region) to one worker
 * (InventoryGraph), so no other JVM of the job calls that bucket at the same time. Source: the EC2
 * developer guide, "Request throttling" (reference/aws-limits.md).
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

  /** The part of AWS's bucket taken once a call of its action was throttled. */
  static final double SHARE = 0.9;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** Waits for a token of {@code action}'s bucket. */
  void acquire(String action) throws InterruptedException {
    bucket(action).take();
  }

  /**
   * An attempt of {@code action} was answered with HTTP {@code status}: 503 (RequestLimitExceeded)
   * or 429 empties the bucket and leaves the rest of AWS's to the other clients from then on.
   */
  void answered(String action, int status) {
    TokenBucket b = bucket(action);
    if (status == 503 || status == 429) {
      b.throttled(SHARE);
    } else {
      b.answered();
    }
  }

  private TokenBucket bucket(String action) {
    return buckets.computeIfAbsent(
        action,
        a -> {
          double[] b = SPECIAL.getOrDefault(a, DEFAULT);
          return new TokenBucket(Math.max(1, b[0] - 1), b[1]);
        });
  }
}
