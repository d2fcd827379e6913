package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.Faults;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the fake enforcing AWS's per-(account, region, action) buckets, a large slice fetched with
 * the client-side limiter is never throttled; without it, it is. When another client of the account
 * has emptied the bucket, the first throttle is the only one: the job then paces below AWS's rate.
 */
class RateLimitTest {
  private static final int PAGES = 160;

  @TempDir Path dir;

  /**
   * One account and region with {@link #PAGES} VPCs (one per page at {@code --page-size=1}), the
   * fake enforcing AWS's buckets; the config of a run of aws_ec2_vpcs into {@code url}.
   */
  private Path vpcsUnderAwsBuckets(FakeAws aws, String url) throws Exception {
    String role = aws.account("777777777777").role("InventoryRead", InventoryRun.SOURCE);
    aws.account("777777777777").regions("us-east-1");
    aws.account("777777777777").region("us-east-1").fill("DescribeVpcs", PAGES, 1);
    aws.faults().enforceAwsBuckets(true);
    return InventoryRun.config(
        dir, aws, role, url, List.of("aws_ec2_vpcs"), List.of("us-east-1"), "max_backoff: 2");
  }

  @Test
  void theLimiterKeepsALargeSliceUnderAwsBuckets() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      Path config = vpcsUnderAwsBuckets(aws, pg.newDatabase());

      InventoryRun.run(source, "--config=" + config, "--page-size=1"); // warms up the JVM
      Thread.sleep(6000); // let the fake's buckets refill
      aws.resetCounters();
      long throttledBefore = aws.faults().throttled();
      InventoryRun.Result on = InventoryRun.run(source, "--config=" + config, "--page-size=1");
      long calls = aws.calls("DescribeVpcs");
      assertThat(on.code()).as(on.output()).isZero();
      assertThat(aws.faults().throttled() - throttledBefore).isZero();
      assertThat(on.summary().throttles()).isZero();
      assertThat(calls).isEqualTo(PAGES);

      // without the limiter, 160 calls in a row outrun the bucket (100, then 20/s) whenever they
      // take less than 50 ms each; on a loaded machine one try may be slower, so up to three
      InventoryRun.Result off = null;
      long throttledOff = 0;
      for (int attempt = 0; attempt < 3 && throttledOff == 0; attempt++) {
        aws.resetCounters();
        throttledBefore = aws.faults().throttled();
        Thread.sleep(6000); // let the fake's buckets refill
        off = InventoryRun.run(source, "--config=" + config, "--page-size=1", "--rate-limit=false");
        assertThat(off.code()).as(off.output()).isZero();
        throttledOff = aws.faults().throttled() - throttledBefore;
      }
      assertThat(throttledOff).isPositive();
      System.out.printf(
          "rate limit: on: %d calls, 0 throttled, %.1f s; off: %d calls, %d throttled, %.1f s%n",
          calls, on.seconds(), aws.calls("DescribeVpcs"), throttledOff, off.seconds());
    }
  }

  @Test
  void aBucketEmptiedByAnotherClientThrottlesOnceThenTheJobLeavesItRoom() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String url = pg.newDatabase();
      Path config = vpcsUnderAwsBuckets(aws, url);

      Faults.Hold first = aws.faults().holdNext("DescribeVpcs");
      CompletableFuture<InventoryRun.Result> run =
          CompletableFuture.supplyAsync(
              () -> InventoryRun.run(source, "--config=" + config, "--page-size=1"));
      assertThat(first.awaitReached(Duration.ofMinutes(2))).isTrue();
      // the job's bucket is full; AWS's is emptied by someone else just before its first call
      aws.faults().otherClientCalls("777777777777", "us-east-1", "DescribeVpcs", 100);
      first.release();
      InventoryRun.Result result = run.get();

      assertThat(result.code()).as(result.output()).isZero();
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(PAGES);
      // the first call is throttled; after it the job's bucket is empty too and refills at 90% of
      // AWS's rate, so a second one would take a stall of the machine between two calls (with
      // the job's bucket still at AWS's full size, most of its first 100 calls would be throttled)
      assertThat(result.summary().throttles()).isBetween(1L, 2L);
    }
  }
}
