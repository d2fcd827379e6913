package dev.awsinventory.testing.bench;

/**
 * The least wall time any fetcher needs for a scenario, from what AWS imposes: each slice's pages
 * form a chain (a page's token is needed for the next), each call waits the latency, a slice of
 * more pages than its token bucket holds waits for refills, and at most {@code concurrency} calls
 * are in flight. The job's own costs (JVM start, database) are not part of it.
 *
 * <p>Bucket sizes: EC2's default of 100 tokens refilled at 20 per second per (account, region,
 * action), from AWS's "Request throttling for the Amazon EC2 API" (see
 * shared/reference/aws-limits.md); the fake enforces the same.
 */
public final class Bound {
  static final double BUCKET_SIZE = 100;
  static final double REFILL_PER_SECOND = 20;
  static final int MAX_PAGE = 1000;

  private Bound() {}

  /** Pages of one slice of a table with {@code perTable} resources. */
  static long pagesPerSlice(Scenario s) {
    int page = s.pageSize() > 0 ? Math.min(s.pageSize(), MAX_PAGE) : MAX_PAGE;
    return Math.max(1, (s.perTable() + page - 1) / page);
  }

  /** The longest chain: an account's set-up call, then its biggest slice, paced by its bucket. */
  static double chainSeconds(Scenario s) {
    double latency = s.latencyMs() / 1000.0;
    long pages = pagesPerSlice(s);
    double bucketWait = s.buckets() ? Math.max(0, (pages - BUCKET_SIZE) / REFILL_PER_SECOND) : 0;
    return latency + Math.max(pages * latency, bucketWait);
  }

  /** All calls through {@code concurrency} connections at the scenario's latency. */
  static double throughputSeconds(Scenario s, long calls) {
    return calls * (s.latencyMs() / 1000.0) / Math.max(1, s.concurrency());
  }

  /**
   * The bound in seconds, given the successful calls the run needed ({@code calls}: pages plus one
   * region listing per account).
   */
  public static double seconds(Scenario s, long calls) {
    return Math.max(chainSeconds(s), throughputSeconds(s, calls));
  }
}
