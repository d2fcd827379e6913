package dev.awsinventory.transforms.aws;

import java.util.concurrent.Semaphore;

/**
 * The bytes of EC2 pages that the slices of one JVM hold at once. A slice is let in with its first
 * page: it waits until that page's bytes are free, and from then on holds the largest of its pages
 * until it ends (its rows written); its later pages never wait here. A page counts by its declared
 * length ({@code Content-Length}; {@link #UNKNOWN_LENGTH} when it has none), and one longer than
 * the budget counts as the whole budget, so that it waits until no other slice holds any.
 *
 * <p>Why: reading is limited to one page per processor at once ({@link UnmarshallingLimit}), but a
 * page read is held by its slice while its rows are written, and the SDK's paginator keeps it while
 * the next page is asked for and read, so a slice with large pages holds up to two at once whatever
 * it waits for. On the benchmark's S4 (pages of 2,000 fully described instances, about 30 MB of XML
 * each, 20 accounts at once) 13 to 17 such pages were alive at once, most of the heap. A slice that
 * is not let in waits, its first page unread in its connection, as it waits for the reading permit.
 *
 * <p>Why per slice rather than per page: a slice that waited for its next page while it still held
 * its last one could wait for other slices that wait the same way. Here only a slice that holds
 * nothing waits, for slices that hold pages and so never wait here; each of them ends and gives its
 * bytes back. A slice whose later page is longer than what it holds takes the difference if it is
 * free, else goes on beyond the budget. Fair: slices are let in in the order their first pages
 * arrive.
 */
final class PageBudget {
  /** What a response of unknown length counts as, in bytes. */
  static final long UNKNOWN_LENGTH = 8L << 20;

  private final int totalKib;
  private final Semaphore kib;

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
   * Counts a page that arrived for {@code slice}: the slice's first page waits until its bytes are
   * free; a later one takes what it needs beyond what the slice holds, if that is free, and never
   * waits.
   *
   * @param length the page's declared length in bytes, or negative when unknown
   * @throws InterruptedException when the thread is interrupted while it waits (nothing is taken)
   */
  void take(CallStats slice, long length) throws InterruptedException {
    long bytes = length < 0 ? UNKNOWN_LENGTH : length;
    int k = (int) Math.min(totalKib, Math.max(1, (bytes + 1023) >> 10));
    synchronized (slice) {
      int held = slice.heldKib(this);
      if (held > 0) {
        if (k > held && kib.tryAcquire(k - held)) {
          slice.holdPage(this, k);
        }
        return;
      }
    }
    kib.acquire(k);
    slice.holdPage(this, k);
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
