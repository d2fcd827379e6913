package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.testing.aws.FakeAws;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** The limit on responses unmarshalled at once, with the SDK over HTTP against the fake AWS. */
class UnmarshallingLimitTest {
  private FakeEc2 fake;
  private FakeAws aws;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void start() {
    fake = new FakeEc2();
    aws = fake.aws;
    fake.region().fill("DescribeVpcs", 3, 7);
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
    fake.close();
  }

  @Test
  void aResponseWaitsWhileAnotherIsUnmarshalled() throws Exception {
    UnmarshallingLimit limit = new UnmarshallingLimit(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutionInterceptor slowReader = FakeEc2.holdsFirstCall(holding, release);
    Ec2Client ec2 = fake.client(slowReader, limit);

    Future<Integer> a = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Integer> b = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    fake.awaitCalls("DescribeVpcs", 2);
    assertThat(aws.calls("DescribeVpcs")).as("the second call has its answer").isEqualTo(2);
    Thread.sleep(300);
    assertThat(b.isDone()).as("the second answer waits for the permit").isFalse();
    assertThat(limit.available()).isZero();

    release.countDown();
    assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(limit.available()).isEqualTo(1);
  }

  @Test
  void noPermitOutlivesItsCallThroughRetriesAndFailures() throws Exception {
    UnmarshallingLimit limit = new UnmarshallingLimit(2);
    Ec2Client ec2 = fake.client(limit);
    aws.faults().throttleRate(0.3).errorRate(0.2);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(threads.submit(() -> ec2.describeVpcs().vpcs().size()));
    }
    int succeeded = 0;
    int failed = 0;
    for (Future<Integer> f : calls) {
      try {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(3);
        succeeded++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(Ec2Exception.class);
        failed++;
      }
    }
    assertThat(succeeded).isPositive();
    assertThat(succeeded + failed).isEqualTo(40);
    assertThat(aws.calls("DescribeVpcs")).as("some calls were retried").isGreaterThan(40);

    aws.faults().throttleRate(0).errorRate(0).unauthorized("DescribeVpcs");
    assertThatThrownBy(() -> ec2.describeVpcs()).isInstanceOf(Ec2Exception.class);
    assertThat(limit.available()).isEqualTo(2);
    assertThat(limit.earlyReadAvailableKib()).isEqualTo(UnmarshallingLimit.EARLY_READ_BUDGET >> 10);
  }

  @Test
  void aResponseWaitingForItsPermitGivesItsConnectionBack() throws Exception {
    UnmarshallingLimit limit = new UnmarshallingLimit(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutionInterceptor slowReader = FakeEc2.holdsFirstCall(holding, release);
    // two connections: the held call's and the waiting one's, unless both were given back
    Ec2Client ec2 = fake.client(AwsClients.httpClient(2, AwsClients.MAX_IDLE), slowReader, limit);

    Future<Integer> a = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Integer> b = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    Future<Integer> c = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    fake.awaitCalls("DescribeVpcs", 3);
    assertThat(aws.calls("DescribeVpcs"))
        .as("three answers through two connections while the first is held")
        .isEqualTo(3);
    assertThat(b.isDone() || c.isDone()).as("they wait for the permit").isFalse();
    assertThat(limit.earlyReadAvailableKib())
        .as("the waiting answers are held in memory")
        .isLessThan(UnmarshallingLimit.EARLY_READ_BUDGET >> 10);

    release.countDown();
    assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(c.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(limit.available()).isEqualTo(1);
    assertThat(limit.earlyReadAvailableKib()).isEqualTo(UnmarshallingLimit.EARLY_READ_BUDGET >> 10);
  }

  @Test
  void aSliceWaitsToBeLetInBeforeItsCallGoesOut() throws Exception {
    // 1 KiB: every slice takes the whole budget
    UnmarshallingLimit limit = new UnmarshallingLimit(4, 1024);
    Ec2Client ec2 = fake.client(limit);
    CallStats first = new CallStats();
    CallStats second = new CallStats();

    assertThat(first.track(ec2).describeVpcs().vpcs()).hasSize(3);
    assertThat(limit.pageBudgetAvailableKib()).as("the first slice holds the budget").isZero();
    Future<Integer> b = threads.submit(() -> second.track(ec2).describeVpcs().vpcs().size());
    Thread.sleep(500);
    assertThat(b.isDone()).as("the second slice waits").isFalse();
    assertThat(aws.calls("DescribeVpcs")).as("its call has not gone out").isEqualTo(1);

    first.releasePage();
    assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(aws.calls("DescribeVpcs")).isEqualTo(2);
    assertThat(limit.pageBudgetAvailableKib()).isZero();
    second.releasePage();
    second.releasePage();
    assertThat(limit.pageBudgetAvailableKib()).isEqualTo(1);
  }

  @Test
  void aSliceLetInNeverWaitsForItsLaterPages() throws Exception {
    UnmarshallingLimit limit = new UnmarshallingLimit(4, 1024);
    Ec2Client ec2 = fake.client(limit);
    CallStats slice = new CallStats();
    Ec2Client tracked = slice.track(ec2);

    Future<Integer> pages =
        threads.submit(
            () -> {
              int vpcs = 0;
              for (int i = 0; i < 3; i++) {
                vpcs += tracked.describeVpcs().vpcs().size();
              }
              return vpcs;
            });

    assertThat(pages.get(30, TimeUnit.SECONDS)).isEqualTo(9);
    assertThat(limit.pageBudgetAvailableKib()).isZero();
    slice.releasePage();
    assertThat(limit.pageBudgetAvailableKib()).isEqualTo(1);
    assertThat(limit.available()).isEqualTo(4);
  }
}
