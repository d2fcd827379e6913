package dev.awsinventory.transforms.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * At most {@code permits} responses unmarshalled at once by the clients that share this limit (the
 * EC2 clients of one {@link AwsClients}, one per JVM and settings), however many calls wait on AWS
 * at once.
 *
 * <p>Why: reading an EC2 (query protocol) response into the model objects is CPU only work. A page
 * of 1,000 fully described reservations (2,000 instances) is about 30 MB of XML and its model is
 * large while it is read; with 32 slices in flight, each reading such a page on 2 cores, every page
 * is alive at once and none finishes sooner. With one page read per core the CPU does the same work
 * while the heap holds only those pages; the other responses wait, unread, in their connections.
 *
 * <p>How: a permit is taken when a response has arrived, before anything reads it (at the end of
 * {@code modifyHttpResponseContent}, so that {@link StreamedUnmarshalling}, whose hook the SDK
 * calls after this one, reads under it), and given back after the SDK's unmarshalling ({@code
 * afterUnmarshalling}), when the call fails ({@code onExecutionFailure}), or when an attempt that
 * held one is retried ({@code beforeTransmission}), so that a permit never outlives its call nor
 * waits through a back-off. Before a slice's call goes out ({@code beforeTransmission}, before its
 * rate limit's token) the slice is let in by the JVM's {@link PageBudget}, which each successful
 * answer then counts. A thread interrupted while it waits fails its call with the SDK's {@link
 * AbortedException}.
 *
 * <p>A response that declares a length of at most {@link #EARLY_READ_MAX} is read into memory
 * before it waits ({@code modifyHttpResponseContent}), within a budget of {@link
 * #EARLY_READ_BUDGET} bytes for all such responses waiting at once; its connection goes back to the
 * pool at once. Why: such a response fits in the sockets' buffers, so the server has finished
 * writing it and counts the connection as idle from then on, while the client counts it as in use
 * until it has read the last byte. A wait longer than the server's idle timeout (30 s for the JDK's
 * HTTP server) made the client send its next request on a connection the server had closed:
 * measured on the benchmark's S4 with 64 calls at once, 33 attempts failed with "the target server
 * failed to respond" and were retried (11 with this budget; 0 with 64 MiB, which cost memory at 32
 * calls at once). A longer response is still being written when it waits, so its connection is not
 * idle; one beyond the budget waits unread.
 */
final class UnmarshallingLimit implements ExecutionInterceptor {
  private static final ExecutionAttribute<Boolean> HOLDS =
      new ExecutionAttribute<>("aws-inventory.unmarshalling-permit");

  private static final ExecutionAttribute<Integer> EARLY_KIB =
      new ExecutionAttribute<>("aws-inventory.early-read-kib");

  /** The longest response read before it waits for a permit, in bytes. */
  static final int EARLY_READ_MAX = 8 << 20;

  /** The bytes of all responses read before their permit, at once. */
  static final int EARLY_READ_BUDGET = 16 << 20;

  /** The bytes of pages that slices hold at once (see {@link PageBudget}). */
  static final long PAGE_BUDGET = 64L << 20;

  private final Semaphore permits;
  private final PageBudget pages;
  private final Semaphore earlyKib = new Semaphore(EARLY_READ_BUDGET >> 10);

  /**
   * A limit of {@code permits} responses unmarshalled at once (at least 1).
   *
   * @param permits typically the JVM's available processors
   */
  UnmarshallingLimit(int permits) {
    this(permits, PAGE_BUDGET);
  }

  /**
   * A limit of {@code permits} responses unmarshalled at once (at least 1) and {@code pageBudget}
   * bytes of pages held by slices at once (see {@link PageBudget}).
   */
  UnmarshallingLimit(int permits, long pageBudget) {
    this.permits = new Semaphore(Math.max(1, permits), true);
    this.pages = new PageBudget(pageBudget);
  }

  /** The page budget free now, in KiB (for tests: all of it once no slice holds a page). */
  int pageBudgetAvailableKib() {
    return pages.availableKib();
  }

  /** The permits free now (for tests: all of them once no call is running). */
  int available() {
    return permits.availablePermits();
  }

  /** The early-read budget free now, in KiB (for tests: all of it once no call is running). */
  int earlyReadAvailableKib() {
    return earlyKib.availablePermits();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    release(attributes);
    CallStats slice = attributes.getAttribute(CallStats.ATTRIBUTE);
    if (slice != null) {
      try {
        pages.admit(slice, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AbortedException.create("interrupted while waiting for the page budget");
      }
    }
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = readEarly(context, attributes);
    releasePermit(attributes);
    CallStats slice = attributes.getAttribute(CallStats.ATTRIBUTE);
    try {
      if (slice != null && context.httpResponse().isSuccessful()) {
        String action = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        pages.arrived(slice, action, declaredLength(context));
      }
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(attributes);
      throw AbortedException.create("interrupted while waiting to read a response");
    }
    attributes.putAttribute(HOLDS, Boolean.TRUE);
    return body;
  }

  /** The body, read into memory when it is short and the budget allows (see the class's text). */
  private Optional<InputStream> readEarly(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    long length = declaredLength(context);
    if (body.isEmpty() || length < 0 || length > EARLY_READ_MAX) {
      return body;
    }
    int kib = (int) ((length + 1023) >> 10);
    if (!earlyKib.tryAcquire(kib)) {
      return body;
    }
    attributes.putAttribute(EARLY_KIB, kib);
    try (InputStream in = body.get()) {
      return Optional.of(new ByteArrayInputStream(in.readAllBytes()));
    } catch (IOException e) {
      // the SDK's reader meets the same failure, as if it had read the stream itself
      return Optional.of(
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw e;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              throw e;
            }
          });
    }
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

  /** The response's {@code Content-Length}, or -1 when it has none. */
  private static long declaredLength(Context.ModifyHttpResponse context) {
    return context
        .httpResponse()
        .firstMatchingHeader("Content-Length")
        .map(UnmarshallingLimit::length)
        .orElse(-1L);
  }

  private static long length(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Gives back what the attempt holds: its permit and its early-read bytes. */
  private void release(ExecutionAttributes attributes) {
    Integer kib = attributes.getAttribute(EARLY_KIB);
    if (kib != null && kib > 0) {
      attributes.putAttribute(EARLY_KIB, 0);
      earlyKib.release(kib);
    }
    releasePermit(attributes);
  }

  private void releasePermit(ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(HOLDS))) {
      attributes.putAttribute(HOLDS, Boolean.FALSE);
      permits.release();
    }
  }
}
