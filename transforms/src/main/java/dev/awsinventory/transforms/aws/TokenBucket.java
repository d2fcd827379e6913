package dev.awsinventory.transforms.aws;

import java.util.function.LongSupplier;

/** A blocking token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
final class TokenBucket {
  /** Waits a number of nanoseconds; {@link Thread#sleep(long, int)} outside tests. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final double capacity;
  private final double perNano;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  TokenBucket(double capacity, double perSecond) {
    this(
        capacity,
        perSecond,
        System::nanoTime,
        nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  /**
   * @param clock the current time in nanoseconds (only differences matter)
   * @param sleeper how to wait for a token
   */
  TokenBucket(double capacity, double perSecond, LongSupplier clock, Sleeper sleeper) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.clock = clock;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.last = clock.getAsLong();
  }

  /** Takes one token, waiting as long as the refill rate requires. */
  void take() throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      long now = clock.getAsLong();
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perNano);
    }
    if (waitNanos > 0) {
      sleeper.sleep(waitNanos);
    }
  }
}
