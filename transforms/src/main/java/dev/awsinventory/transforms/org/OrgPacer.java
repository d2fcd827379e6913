package dev.awsinventory.transforms.org;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Paces the calls of one Organizations client: at most one call (page) per {@code interval}, one at
 * a time, as AWS asks for large organizations (rate limits are not published per operation).
 * Retries of a throttled call are spaced by the SDK's retry backoff. Counts calls and attempts.
 */
final class OrgPacer implements ExecutionInterceptor {
  private final long intervalNanos;
  private long next;
  private volatile String operation = "";
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();

  OrgPacer(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.incrementAndGet();
    synchronized (this) {
      long now = System.nanoTime();
      long wait = next - now;
      next = Math.max(now, next) + intervalNanos;
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw AbortedException.create("interrupted while pacing Organizations calls");
        }
      }
    }
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts.incrementAndGet();
  }

  /** The operation of the latest call, such as {@code ListAccounts}. */
  String operation() {
    return operation;
  }

  long calls() {
    return calls.get();
  }

  /** Attempts beyond the first of each call: the retries (mostly of throttled calls). */
  long retries() {
    return attempts.get() - calls.get();
  }
}
