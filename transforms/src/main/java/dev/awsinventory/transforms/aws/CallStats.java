package dev.awsinventory.transforms.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Request;

/**
 * Calls made for one slice: attempts, successful responses (pages), throttled attempts; plus the
 * slice's {@link PaginationGuard} and deadline. Passed explicitly: {@link #track(Ec2Client)} gives
 * the slice a view of the shared client that puts this object into every request's execution
 * attributes (and so into every page a paginator asks for), where {@link CallTracker} counts and
 * enforces. No thread-local state: a slice may move between threads, and calls made outside a slice
 * are simply not counted.
 */
public final class CallStats {
  static final ExecutionAttribute<CallStats> ATTRIBUTE =
      new ExecutionAttribute<>("aws-inventory.CallStats");

  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong throttles = new AtomicLong();
  private final long deadlineNanos;
  private final PaginationGuard pagination = new PaginationGuard();
  private PageBudget heldFrom;
  private int heldKib;

  /** Statistics for a slice without a deadline. */
  public CallStats() {
    this(Long.MAX_VALUE);
  }

  /**
   * Statistics for a slice that must end by {@code deadlineNanos} ({@link System#nanoTime()} scale;
   * {@code Long.MAX_VALUE} for none): {@link CallTracker} refuses its next call after it.
   */
  public CallStats(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * The client as this slice sees it: the same client (connections, credentials, rate limits), with
   * every request carrying these statistics (see {@link SliceEc2Client}).
   */
  public Ec2Client track(Ec2Client client) {
    return new SliceEc2Client(client, this);
  }

  /** The request with these statistics among its execution attributes. */
  @SuppressWarnings("unchecked") // toBuilder().build() gives the request's own class
  <T extends Ec2Request> T tagged(T request) {
    AwsRequestOverrideConfiguration.Builder o =
        request
            .overrideConfiguration()
            .map(AwsRequestOverrideConfiguration::toBuilder)
            .orElseGet(AwsRequestOverrideConfiguration::builder);
    o.putExecutionAttribute(ATTRIBUTE, this);
    return (T) request.toBuilder().overrideConfiguration(o.build()).build();
  }

  PaginationGuard pagination() {
    return pagination;
  }

  /**
   * @throws SliceDeadlineExceededException if the slice's deadline has passed
   */
  void checkDeadline() {
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw new SliceDeadlineExceededException(
          "the slice ran past its deadline (--slice-timeout-seconds)");
    }
  }

  /** The KiB of {@code budget} this slice holds (see {@link PageBudget}). */
  synchronized int heldKib(PageBudget budget) {
    return heldFrom == budget ? heldKib : 0;
  }

  /** Records that this slice holds {@code kib} of {@code budget} in all. */
  synchronized void holdPage(PageBudget budget, int kib) {
    heldFrom = budget;
    heldKib = kib;
  }

  /**
   * Gives back the page budget this slice holds, if any: called by the slice when it ends (its rows
   * written; see {@link PageBudget}). Idempotent.
   */
  public synchronized void releasePage() {
    if (heldFrom != null) {
      heldFrom.give(heldKib);
      heldFrom = null;
      heldKib = 0;
    }
  }

  void attempt() {
    attempts.incrementAndGet();
  }

  void page() {
    pages.incrementAndGet();
  }

  void throttle() {
    throttles.incrementAndGet();
  }

  public long attempts() {
    return attempts.get();
  }

  public long pages() {
    return pages.get();
  }

  public long throttles() {
    return throttles.get();
  }

  /** Attempts beyond the first of each call. */
  public long retries() {
    return Math.max(0, attempts() - pages());
  }
}
