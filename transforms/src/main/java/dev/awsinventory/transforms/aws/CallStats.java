package dev.awsinventory.transforms.aws;

/**
 * Calls made for the slice being fetched on this thread: attempts, successful responses
 * (pages), throttled attempts; plus the slice's {@link PaginationGuard} and deadline. Set
 * around a slice by the fetch (a ThreadLocal, because the SDK calls {@link CallTracker} on the
 * calling thread), filled and enforced by {@link CallTracker}.
 */
public final class CallStats {
  private static final ThreadLocal<CallStats> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final PaginationGuard pagination = new PaginationGuard();
  private long attempts;
  private long pages;
  private long throttles;

  private CallStats(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** Starts counting for a slice without a deadline. */
  public static CallStats start() {
    return start(Long.MAX_VALUE);
  }

  /**
   * Starts counting for a slice that must end by {@code deadlineNanos} ({@link System#nanoTime()}
   * scale; {@code Long.MAX_VALUE} for none).
   */
  public static CallStats start(long deadlineNanos) {
    CallStats s = new CallStats(deadlineNanos);
    CURRENT.set(s);
    return s;
  }

  public static void stop() {
    CURRENT.remove();
  }

  static CallStats current() {
    return CURRENT.get();
  }

  PaginationGuard pagination() {
    return pagination;
  }

  /** @throws SliceDeadlineExceededException if the slice's deadline has passed */
  void checkDeadline() {
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw new SliceDeadlineExceededException("the slice ran past its deadline (--sliceTimeoutSeconds)");
    }
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
