package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bucket on a hand-moved clock: a sleep moves the clock by the time slept. A chain's first
 * answer comes right after its first call unless a test says otherwise.
 */
class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  private long now = 5 * SECOND;
  private final List<Long> sleeps = new ArrayList<>();
  private final TokenBucket bucket = bucket(3, 2);

  /** A bucket on this test's clock, whose sleeps are recorded and move the clock. */
  private TokenBucket bucket(double capacity, double perSecond) {
    return new TokenBucket(
        capacity,
        perSecond,
        () -> now,
        nanos -> {
          sleeps.add(nanos);
          now += nanos;
        });
  }

  @Test
  void aFullBucketServesItsCapacityWithoutWaiting() throws InterruptedException {
    bucket.take();
    bucket.take();
    bucket.take();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anEmptyBucketWaitsOneRefillIntervalPerToken() throws InterruptedException {
    bucket.take();
    bucket.answered();
    for (int i = 1; i < 5; i++) {
      bucket.take();
    }
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 2, within(1L));
    assertThat(sleeps.get(1)).isCloseTo(SECOND / 2, within(1L));
  }

  @Test
  void timePassingRefillsUpToTheCapacityOnly() throws InterruptedException {
    bucket.take();
    bucket.answered();
    for (int i = 1; i < 3; i++) {
      bucket.take();
    }
    now += 60 * SECOND;
    for (int i = 0; i < 3; i++) {
      bucket.take();
    }
    assertThat(sleeps).isEmpty();
    bucket.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 2, within(1L));
  }

  @Test
  void aPartialRefillShortensTheWait() throws InterruptedException {
    bucket.take();
    bucket.answered();
    for (int i = 1; i < 3; i++) {
      bucket.take();
    }
    now += SECOND / 4;
    bucket.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 4, within(1L));
  }

  @Test
  void nothingIsEarnedBeforeTheFirstAnswer() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      bucket.take();
    }
    now += 10 * SECOND; // the first call has not reached AWS's bucket yet, as far as we know
    bucket.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 2, within(1L));
  }

  @Test
  void theRefillCountsFromTheFirstAnswer() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      bucket.take();
    }
    now += SECOND;
    bucket.answered();
    now += SECOND / 4; // half a token earned since the answer
    bucket.answered(); // later answers change nothing
    bucket.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 4, within(1L));
  }

  @Test
  void aCallThatFindsTheBucketFullStopsItsRefillUntilAnAnswer() throws InterruptedException {
    bucket.take();
    bucket.answered();
    now += 60 * SECOND; // full again
    bucket.take(); // AWS's refills from when this call arrives, some time from now
    now += SECOND;
    bucket.take();
    bucket.take();
    assertThat(sleeps).isEmpty();
    bucket.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 2, within(1L));

    bucket.answered(); // from here on it refills
    now += SECOND;
    bucket.take();
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aThrottleEmptiesTheBucketAndLeavesTheRestToOthers() throws InterruptedException {
    TokenBucket big = bucket(10, 10);
    big.take();
    big.throttled(0.9); // 9 tokens left here, none at AWS
    big.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 9, within(1L));

    now += 60 * SECOND;
    big.throttled(0.9); // empties it again; the share is taken once (9 tokens at 9/s, not 8 at 8.1)
    now += SECOND;
    sleeps.clear();
    for (int i = 0; i < 9; i++) {
      big.take();
    }
    assertThat(sleeps).isEmpty();
    big.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 9, within(1L));
  }
}
