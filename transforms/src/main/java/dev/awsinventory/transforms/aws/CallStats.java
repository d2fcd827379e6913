package dev.awsinventory.transforms.aws;

/**
 * Calls made for the slice being fetched on this thread: attempts, successful responses
 * (pages), throttled attempts. Set around a slice by the fetch, filled by {@link CallTracker}.
 */
public final class CallStats {
  private static final ThreadLocal<CallStats> CURRENT = new ThreadLocal<>();

  private long attempts;
  private long pages;
  private long throttles;

  public static CallStats start() {
    CallStats s = new CallStats();
    CURRENT.set(s);
    return s;
  }

  public static void stop() {
    CURRENT.remove();
  }

  static CallStats current() {
    return CURRENT.get();
  }

  void attempt() {
    attempts++;
  }

  void page() {
    pages++;
  }

  void throttle() {
    throttles++;
  }

  public long attempts() {
    return attempts;
  }

  public long pages() {
    return pages;
  }

  public long throttles() {
    return throttles;
  }

  /** Attempts beyond the first of each call. */
  public long retries() {
    return Math.max(0, attempts - pages);
  }
}
