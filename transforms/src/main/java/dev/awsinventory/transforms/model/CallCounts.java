package dev.awsinventory.transforms.model;

import java.io.Serializable;

/**
 * What a slice cost and yielded. Start from {@link #NONE} and name each count ({@code
 * CallCounts.NONE.withPages(3).withDurationMs(120)}); the canonical constructor, in the sync
 * tables' column order, is for reading a stored outcome back.
 *
 * @param resources rows listed (0 for a slice that did not succeed)
 * @param pages successful AWS responses
 * @param throttles AWS attempts refused as throttled
 * @param retries AWS attempts retried by the SDK
 * @param durationMs wall-clock milliseconds the slice took
 */
public record CallCounts(long resources, long pages, long throttles, long retries, long durationMs)
    implements Serializable {
  /** Nothing listed, no call made, no time spent. */
  public static final CallCounts NONE = new CallCounts(0, 0, 0, 0, 0);

  /** These counts with {@code n} rows listed. */
  public CallCounts withResources(long n) {
    return new CallCounts(n, pages, throttles, retries, durationMs);
  }

  /** These counts with {@code n} successful responses. */
  public CallCounts withPages(long n) {
    return new CallCounts(resources, n, throttles, retries, durationMs);
  }

  /** These counts with {@code n} throttled attempts. */
  public CallCounts withThrottles(long n) {
    return new CallCounts(resources, pages, n, retries, durationMs);
  }

  /** These counts with {@code n} retried attempts. */
  public CallCounts withRetries(long n) {
    return new CallCounts(resources, pages, throttles, n, durationMs);
  }

  /** These counts with {@code ms} milliseconds spent. */
  public CallCounts withDurationMs(long ms) {
    return new CallCounts(resources, pages, throttles, retries, ms);
  }
}
