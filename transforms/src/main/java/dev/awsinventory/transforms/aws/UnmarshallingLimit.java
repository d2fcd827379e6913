package dev.awsinventory.transforms.aws;

import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * At most {@code permits} responses unmarshalled at once by the clients that share this limit (the
 * EC2 clients of one {@link AwsClients}, one per JVM and settings), however many calls wait on AWS
 * at once.
 *
 * <p>Why: the SDK reads an EC2 (query protocol) response into a tree of the whole page before it
 * builds the model objects, and that work is CPU only. A page of 1,000 fully described reservations
 * (2,000 instances) is about 30 MB of XML and several hundred MB of heap while it is read; with 32
 * slices in flight, each reading such a page on 2 cores, every page is alive at once and none
 * finishes sooner. With one page read per core the CPU does the same work while the heap holds only
 * those pages; the other responses wait, unread, in their connections.
 *
 * <p>How: a permit is taken before the SDK unmarshals a successful response ({@code
 * beforeUnmarshalling}) and given back after ({@code afterUnmarshalling}), when the call fails
 * ({@code onExecutionFailure}), or when an attempt that held one is retried ({@code
 * beforeTransmission}), so that a permit never outlives its call nor waits through a back-off. A
 * thread interrupted while it waits fails its call with the SDK's {@link AbortedException}.
 */
final class UnmarshallingLimit implements ExecutionInterceptor {
  private static final ExecutionAttribute<Boolean> HOLDS =
      new ExecutionAttribute<>("aws-inventory.unmarshalling-permit");

  private final Semaphore permits;

  /**
   * A limit of {@code permits} responses unmarshalled at once (at least 1).
   *
   * @param permits typically the JVM's available processors
   */
  UnmarshallingLimit(int permits) {
    this.permits = new Semaphore(Math.max(1, permits), true);
  }

  /** The permits free now (for tests: all of them once no call is running). */
  int available() {
    return permits.availablePermits();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    release(attributes);
  }

  @Override
  public void beforeUnmarshalling(
      Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
    release(attributes);
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("interrupted while waiting to read a response");
    }
    attributes.putAttribute(HOLDS, Boolean.TRUE);
  }

  @Override
  public void afterUnmarshalling(
      Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
    release(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    release(attributes);
  }

  private void release(ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(HOLDS))) {
      attributes.putAttribute(HOLDS, Boolean.FALSE);
      permits.release();
    }
  }
}
