package dev.awsinventory.testing.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection, consulted before every EC2 call (and STS calls once {@link #includeSts(boolean)}
 * is on): added latency, dropped connections, UnauthorizedOperation per action, throttling (random
 * or AWS's token buckets) and internal errors. Random decisions come from a seeded {@link Random}.
 */
public final class Faults {

  private volatile Duration latency = Duration.ZERO;
  private volatile double throttleRate;
  private volatile double errorRate;
  private volatile double resetRate;
  private volatile boolean awsBuckets;
  private volatile boolean includeSts;
  private final Set<String> unauthorized = ConcurrentHashMap.newKeySet();
  private final Map<String, TokenFault> tokenFaults = new ConcurrentHashMap<>();
  private final Set<String> deniedRegions = ConcurrentHashMap.newKeySet();
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong throttled = new AtomicLong();
  private final Map<String, Hold> holds = new ConcurrentHashMap<>();
  private Random random = new Random(42);

  /** Adds a fixed delay before every answer. */
  public Faults latency(Duration delay) {
    this.latency = delay;
    return this;
  }

  /** Probability (0..1) of answering RequestLimitExceeded (HTTP 503). */
  public Faults throttleRate(double probability) {
    this.throttleRate = probability;
    return this;
  }

  /** Probability (0..1) of answering InternalError (HTTP 500). */
  public Faults errorRate(double probability) {
    this.errorRate = probability;
    return this;
  }

  /** Probability (0..1) of closing the connection without any answer. */
  public Faults resetRate(double probability) {
    this.resetRate = probability;
    return this;
  }

  /** Answers UnauthorizedOperation (HTTP 403; STS: AccessDenied) to every call of this action. */
  public Faults unauthorized(String action) {
    unauthorized.add(action);
    return this;
  }

  /** Undoes {@link #unauthorized(String)}. */
  public Faults authorized(String action) {
    unauthorized.remove(action);
    return this;
  }

  /**
   * Holds the next call of this action (in any account and region, STS included) until it is {@link
   * Hold#release() released}, or for at most 5 minutes; the calls after it are not held. Lets a
   * test keep one run inside its fetch, deterministically, while it starts another.
   */
  public Hold holdNext(String action) {
    Hold hold = new Hold();
    holds.put(action, hold);
    return hold;
  }

  /** One held call: the test waits until it arrived, then releases it. */
  public static final class Hold {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /**
     * Waits until the held call arrived; false if it did not within the timeout.
     *
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public boolean awaitReached(Duration timeout) throws InterruptedException {
      return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held call go on. */
    public void release() {
      released.countDown();
    }

    private void hold() {
      reached.countDown();
      try {
        released.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How a paged action's NextToken misbehaves. */
  public enum TokenFault {
    /**
     * Every page after the first answers with the NextToken it was asked with: it never advances.
     */
    REPEAT,
    /** The tokens of pages 1 and 2 alternate forever: page 3's token is page 1's again. */
    CYCLE
  }

  /** Makes the NextToken of this paged EC2 action misbehave, in every account and region. */
  public Faults nextToken(String action, TokenFault fault) {
    tokenFaults.put(action, fault);
    return this;
  }

  /**
   * Denies every EC2 call in this account and region as a service control policy with an explicit
   * deny does: UnauthorizedOperation (HTTP 403) whose message says "with an explicit deny in a
   * service control policy".
   */
  public Faults denyRegion(String accountId, String region) {
    deniedRegions.add(accountId + "/" + region);
    return this;
  }

  /**
   * Throttles like EC2: a token bucket per (account, region, action) with the sizes AWS documents.
   */
  public Faults enforceAwsBuckets(boolean enforce) {
    this.awsBuckets = enforce;
    buckets.clear();
    return this;
  }

  /**
   * Another client of the account calls {@code action} (paginated) {@code calls} times in {@code
   * region} now, taking tokens from the bucket the enforced AWS buckets give it (see {@link
   * #enforceAwsBuckets}); its calls that find the bucket empty are throttled, as AWS does.
   *
   * @return how many of its calls were served
   */
  public int otherClientCalls(String accountId, String region, String action, int calls) {
    int served = 0;
    for (int i = 0; i < calls; i++) {
      if (bucket(accountId, region, action, false).take()) {
        served++;
      }
    }
    return served;
  }

  /** Applies latency, drops, throttling and errors to STS calls too (off by default). */
  public Faults includeSts(boolean include) {
    this.includeSts = include;
    return this;
  }

  /** Reseeds the random source of the probabilistic faults. */
  public synchronized Faults seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /** Turns every fault off (the throttle count is kept). */
  public Faults clear() {
    latency = Duration.ZERO;
    throttleRate = 0;
    errorRate = 0;
    resetRate = 0;
    awsBuckets = false;
    includeSts = false;
    unauthorized.clear();
    tokenFaults.clear();
    deniedRegions.clear();
    buckets.clear();
    holds.values().forEach(Hold::release);
    holds.clear();
    return this;
  }

  /** How many throttling errors were served. */
  public long throttled() {
    return throttled.get();
  }

  Fault before(String account, String region, String action, boolean sts, boolean unpaged) {
    Hold hold = holds.remove(action);
    if (hold != null) {
      hold.hold();
    }
    if (unauthorized.contains(action)) {
      return Fault.UNAUTHORIZED;
    }
    if (!sts && deniedRegions.contains(account + "/" + region)) {
      return Fault.SCP_DENY;
    }
    if (sts && !includeSts) {
      return Fault.NONE;
    }
    sleep(latency);
    if (chance(resetRate)) {
      return Fault.DROP;
    }
    if (awsBuckets && !sts && !bucket(account, region, action, unpaged).take()) {
      throttled.incrementAndGet();
      return Fault.THROTTLE;
    }
    if (chance(throttleRate)) {
      throttled.incrementAndGet();
      return Fault.THROTTLE;
    }
    return chance(errorRate) ? Fault.ERROR : Fault.NONE;
  }

  /** The token fault of an action, or null. */
  TokenFault tokenFault(String action) {
    return tokenFaults.get(action);
  }

  private TokenBucket bucket(String account, String region, String action, boolean unpaged) {
    return buckets.computeIfAbsent(
        TokenBucket.key(account, region, action, unpaged),
        k -> TokenBucket.forAction(action, unpaged));
  }

  private boolean chance(double probability) {
    if (probability <= 0) {
      return false;
    }
    if (probability >= 1) {
      return true;
    }
    synchronized (this) {
      return random.nextDouble() < probability;
    }
  }

  private static void sleep(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
