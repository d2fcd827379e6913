package dev.awsinventory.transforms.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The bytes of EC2 pages that the slices of one JVM hold at once. A slice is let in before its
 * first call goes out: it waits until the bytes its action's pages are expected to take are free,
 * and from then on holds the largest of its pages until it ends (its rows written); its later calls
 * never wait here. A page counts by its declared length ({@code Content-Length}); an action's
 * expected page is the longest this JVM has seen of it, {@link #FIRST_GUESS} before its first, and
 * at most the whole budget, so that a slice of longer pages waits until no other slice holds any.
 *
 * <p>Why: reading is limited to one page per processor at once ({@link UnmarshallingLimit}), but a
 * page read is held by its slice while its rows are written, and the SDK's paginator keeps it while
 * the next page is asked for and read, so a slice of large pages holds up to two at once whatever
 * it waits for. On the benchmark's S4 (pages of 2,000 fully described instances, about 30 MB of XML
 * each, 20 accounts at once) 13 to 17 such pages were alive at once, most of the heap.
 *
 * <p>Why before the call: an answer left unread waits in its connection, and a server may give up
 * on a connection it cannot write to; a slice that is not let in has sent nothing. Why per slice: a
 * slice that waited for its next page while it held its last one could wait for other slices
 * waiting the same way; here only a slice that holds nothing waits, for slices that never wait here
 * and each end. A page longer than what its slice holds takes the difference if it is free; else
 * the slice gives back what it holds and waits as one that holds nothing, its page unread: this is
 * how the first pages of an action wait, before its length is known. Fair: slices are let in in the
 * order they ask.
 */
final class PageBudget {
  /** What a page of an action not seen yet is expected to take, in bytes. */
  static final long FIRST_GUESS = 8L << 20;

  private final int totalKib;
  private final Semaphore kib;
  private final Map<String, Integer> expectedKib = new ConcurrentHashMap<>();

  /**
   * A budget of {@code bytes} (at least 1 KiB).
   *
   * @param bytes the bytes of pages held at once
   */
  PageBudget(long bytes) {
    this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes >> 10));
    this.kib = new Semaphore(totalKib, true);
  }

  /**
   * Lets {@code slice} in before a call of {@code action} goes out: at once when it holds a page,
   * else once the bytes its action's pages are expected to take are free.
   *
   * @throws InterruptedException when the thread is interrupted while it waits (nothing is taken)
   */
  void admit(CallStats slice, String action) throws InterruptedException {
    if (slice.heldKib(this) > 0) {
      return;
    }
    int k = Math.min(totalKib, expectedKib.getOrDefault(action, kib(FIRST_GUESS)));
    kib.acquire(k);
    slice.holdPage(this, k);
  }

  /**
   * Counts a page of {@code action} that arrived for {@code slice}: it takes what it needs beyond
   * what the slice holds if that is free; else the slice gives back what it holds and waits, as a
   * slice that holds nothing, until the page's bytes are free (the page unread meanwhile). The
   * action's expected length grows to the page's.
   *
   * @param length the page's declared length in bytes, or negative when unknown (not counted)
   * @throws InterruptedException when the thread is interrupted while it waits (the slice then
   *     holds nothing)
   */
  void arrived(CallStats slice, String action, long length) throws InterruptedException {
    if (length < 0) {
      return;
    }
    int k = Math.min(totalKib, kib(length));
    expectedKib.merge(action, k, Math::max);
    int held = slice.heldKib(this);
    if (k <= held) {
      return;
    }
    if (kib.tryAcquire(k - held)) {
      slice.holdPage(this, k);
      return;
    }
    slice.releasePage();
    kib.acquire(k);
    slice.holdPage(this, k);
  }

  private static int kib(long bytes) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + 1023) >> 10));
  }

  /** Gives back {@code k} KiB a slice held. */
  void give(int k) {
    kib.release(k);
  }

  /** The budget free now, in KiB (for tests: all of it once no slice holds a page). */
  int availableKib() {
    return kib.availablePermits();
  }
}
