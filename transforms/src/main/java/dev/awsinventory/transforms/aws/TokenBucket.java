package dev.awsinventory.transforms.aws;

import java.util.function.LongSupplier;

/**
 * A blocking token bucket kept in step with one of AWS's: {@code capacity} tokens, refilled at
 * {@code perSecond}.
 *
 * <p>A full bucket starts refilling when a call takes from it; AWS's full bucket when that call
 * reaches it, which is after its token is taken here and before its answer comes back. So a call
 * that finds this bucket full stops its refill until an answer arrives ({@link #answered}): it
 * never runs ahead of AWS's because that call was slower to arrive (a new connection) than the
 * calls after it. (Measured against the fake AWS before this rule: after a pause that filled both
 * buckets, this one ran 0.1 token ahead, and a chain of 500 calls at AWS's rate was throttled
 * once.) With calls of one action in flight side by side, an earlier call's answer may restart the
 * refill before the call that found it full arrives; {@link Ec2RateLimits} keeps one token in hand
 * for that. A throttled answer ({@link #throttled}) says AWS's bucket was empty: this one is
 * emptied too and, from then on, sized and refilled at a share of AWS's, leaving the rest to the
 * other clients that call it.
 */
final class TokenBucket {
  /** Waits a number of nanoseconds; {@link Thread#sleep(long, int)} outside tests. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final LongSupplier clock;
  private final Sleeper sleeper;
  private double capacity;
  private double perNano;
  private double tokens;
  private long last;
  private boolean refilling;
  private boolean shared;

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
      refill();
      if (tokens >= capacity) {
        refilling = false; // AWS's is full too: it refills from when this call reaches it
      }
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perNano);
    }
    if (waitNanos > 0) {
      sleeper.sleep(waitNanos);
    }
  }

  /** An answer came back: the bucket refills from now on, if its refill was stopped. */
  synchronized void answered() {
    if (!refilling) {
      refilling = true;
      last = clock.getAsLong();
    }
  }

  /**
   * A call was throttled: the bucket is emptied and from now on holds {@code share} (0..1] of its
   * capacity, refilled at {@code share} of its rate (a second throttle empties it again; the share
   * applies once).
   */
  synchronized void throttled(double share) {
    refill();
    if (!shared) {
      shared = true;
      capacity = Math.max(1, Math.floor(capacity * share));
      perNano *= share;
    }
    tokens = Math.min(tokens, 0);
    refilling = true;
  }

  private void refill() {
    long now = clock.getAsLong();
    if (refilling) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
    }
    last = now;
  }
}
