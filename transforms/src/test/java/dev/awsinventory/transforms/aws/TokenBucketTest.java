package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket on a hand-moved clock: a sleep moves the clock by the time slept. */
class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  private long now = 5 * SECOND;
  private final List<Long> sleeps = new ArrayList<>();
  private final TokenBucket bucket =
      new TokenBucket(
          3,
          2,
          () -> now,
          nanos -> {
            sleeps.add(nanos);
            now += nanos;
          });

  @Test
  void aFullBucketServesItsCapacityWithoutWaiting() throws InterruptedException {
    bucket.take();
    bucket.take();
    bucket.take();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anEmptyBucketWaitsOneRefillIntervalPerToken() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      bucket.take();
    }
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 2, within(1L));
    assertThat(sleeps.get(1)).isCloseTo(SECOND / 2, within(1L));
  }

  @Test
  void timePassingRefillsUpToTheCapacityOnly() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
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
    for (int i = 0; i < 3; i++) {
      bucket.take();
    }
    now += SECOND / 4;
    bucket.take();
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(SECOND / 4, within(1L));
  }
}
