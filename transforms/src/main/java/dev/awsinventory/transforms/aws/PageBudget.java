package dev.awsinventory.transforms.aws;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The bytes of EC2 pages that the slices of one JVM hold at once. A slice is let in before its
 * first call goes out: it waits until the bytes its action's pages are expected to take are free,
 * and from then on holds them until it ends (its rows written); its later calls never wait here. A
 * page counts by its declared length ({@code Content-Length}); an action's expected page is the
 * longest this JVM has seen of it, {@link #FIRST_GUESS} before its first; a slice of an action
 * whose pages have come in chains (a call with a {@code NextToken} was seen) is expected to hold
 * two of them, since the SDK's paginator keeps a page while it asks for and reads the next. What a
 * slice is let in with is at most the whole budget, so that a slice of longer pages waits until no
 * other slice holds any.
 *
 * <p>Why: reading is limited to one page per processor at once ({@link UnmarshallingLimit}), but a
 * page read is held by its slice while its rows are written, and the SDK's paginator keeps it while
 * the next page is asked for and read, so a slice of large pages holds up to two at once whatever
 * it waits for. On the benchmark's S4 (pages of 2,000 fully described instances, about 30 MB of XML
 * each, 20 accounts at once) 13 to 17 such pages were alive at once, most of the heap. A page of a
 * child call (one per resource of the slice's page) counts as a page of its own action; the parent
 * page alive beside it is not counted again.
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
  private final Set<String> chained = ConcurrentHashMap.newKeySet();

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
   * else once the bytes its action's pages are expected to take are free (two pages' for an action
   * seen in chains).
   *
   * @param laterPage whether the call asks for a later page of a chain (carries a {@code
   *     NextToken}): from then on the action's slices are expected to hold two pages
   * @throws InterruptedException when the thread is interrupted while it waits (nothing is taken)
   */
  void admit(CallStats slice, String action, boolean laterPage) throws InterruptedException {
    if (laterPage) {
      chained.add(action);
    }
    if (slice.heldKib(this) > 0) {
      return;
    }
    int k = held(action, expectedKib.getOrDefault(action, kib(FIRST_GUESS)));
    kib.acquire(k);
    slice.holdPage(this, k);
  }

  /**
   * What a slice of {@code action} holds for pages of {@code pageKib}: one page, or two in chains.
   */
  private int held(String action, int pageKib) {
    long k = chained.contains(action) ? 2L * pageKib : pageKib;
    return (int) Math.min(totalKib, k);
  }

  /**
   * Counts a page of {@code action} that arrived for {@code slice} (two of its length for an action
   * seen in chains): it takes what it needs beyond what the slice holds if that is free; else the
   * slice gives back what it holds and waits, as a slice that holds nothing, until the page's bytes
   * are free (the page unread meanwhile). The action's expected length grows to the page's.
   *
   * @param length the page's declared length in bytes, or negative when unknown (not counted)
   * @throws InterruptedException when the thread is interrupted while it waits (the slice then
   *     holds nothing)
   */
  void arrived(CallStats slice, String action, long length) throws InterruptedException {
    if (length < 0) {
      return;
    }
    int page = kib(length);
    expectedKib.merge(action, Math.min(totalKib, page), Math::max);
    int k = held(action, page);
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
