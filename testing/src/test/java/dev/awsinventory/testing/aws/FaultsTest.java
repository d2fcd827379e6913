package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

class FaultsTest {

  private static final String ACCOUNT = "111111111111";

  private FakeAws fake;
  private Credentials user;
  private Ec2Client ec2;

  @BeforeEach
  void start() {
    fake = FakeAws.start();
    user = fake.sourceUser(ACCOUNT);
    ec2 = Clients.ec2NoRetry(fake, Clients.staticProvider(user), "us-east-1");
  }

  @AfterEach
  void stop() {
    ec2.close();
    fake.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void throttleRateOneAnswersRequestLimitExceeded() {
    fake.faults().throttleRate(1.0);
    assertThatThrownBy(ec2::describeVpcs)
        .satisfies(e -> assertThat(code(e)).isEqualTo("RequestLimitExceeded"))
        .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(503))
        .satisfies(e -> assertThat(((AwsServiceException) e).isThrottlingException()).isTrue());
    assertThat(fake.faults().throttled()).isEqualTo(1);
    fake.faults().throttleRate(0);
    ec2.describeVpcs();
  }

  @Test
  void repeatedAndCyclingNextTokensNeverAdvance() {
    fake.account(ACCOUNT)
        .region("us-east-1")
        .fill("DescribeVpcs", 10, 1)
        .fill("DescribeSubnets", 10, 1);
    fake.faults()
        .nextToken("DescribeVpcs", Faults.TokenFault.REPEAT)
        .nextToken("DescribeSubnets", Faults.TokenFault.CYCLE);
    String first = ec2.describeVpcs(r -> r.maxResults(2)).nextToken();
    String t = first;
    for (int i = 0; i < 3; i++) {
      String requested = t;
      t = ec2.describeVpcs(r -> r.maxResults(2).nextToken(requested)).nextToken();
      assertThat(t).isEqualTo(first);
    }
    String p1 = ec2.describeSubnets(r -> r.maxResults(2)).nextToken();
    String p2 = ec2.describeSubnets(r -> r.maxResults(2).nextToken(p1)).nextToken();
    String p3 = ec2.describeSubnets(r -> r.maxResults(2).nextToken(p2)).nextToken();
    assertThat(p2).isNotEqualTo(p1);
    assertThat(p3).isEqualTo(p1);
    fake.faults().clear();
    assertThat(ec2.describeSubnets(r -> r.maxResults(2).nextToken(p2)).nextToken()).isNotIn(p1, p2);
  }

  @Test
  void aDeniedRegionAnswersEveryEc2CallWithAnScpDeny() {
    fake.faults().denyRegion(ACCOUNT, "us-east-1");
    for (Runnable call :
        new Runnable[] {ec2::describeVpcs, ec2::describeInstances, ec2::describeRegions}) {
      assertThatThrownBy(call::run)
          .satisfies(e -> assertThat(code(e)).isEqualTo("UnauthorizedOperation"))
          .hasMessageContaining("with an explicit deny in a service control policy");
    }
    try (Ec2Client west = Clients.ec2NoRetry(fake, Clients.staticProvider(user), "us-west-2")) {
      west.describeVpcs();
    }
  }

  @Test
  void unauthorizedActionAnswersUnauthorizedOperation() {
    fake.faults().unauthorized("DescribeVolumes");
    assertThatThrownBy(ec2::describeVolumes)
        .satisfies(e -> assertThat(code(e)).isEqualTo("UnauthorizedOperation"))
        .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(403));
    ec2.describeVpcs();
    fake.faults().authorized("DescribeVolumes");
    ec2.describeVolumes();
  }

  @Test
  void errorRateAnswersInternalErrorAndTheSdkRetriesIt() {
    fake.faults().errorRate(1.0);
    assertThatThrownBy(ec2::describeVpcs)
        .satisfies(e -> assertThat(code(e)).isEqualTo("InternalError"))
        .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(500));
    fake.faults().seed(7).errorRate(0.3);
    try (Ec2Client retrying = Clients.ec2(fake, Clients.staticProvider(user), "us-east-1")) {
      fake.resetCounters();
      for (int i = 0; i < 10; i++) {
        retrying.describeVpcs();
      }
    }
    assertThat(fake.calls("DescribeVpcs")).isGreaterThan(10);
  }

  @Test
  void resetRateDropsTheConnection() {
    fake.faults().resetRate(1.0);
    assertThatThrownBy(ec2::describeVpcs).isInstanceOf(SdkClientException.class);
  }

  @Test
  void latencyIsAdded() {
    fake.faults().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    ec2.describeVpcs();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void stsIsSparedUnlessIncluded() {
    fake.faults().throttleRate(1.0);
    try (StsClient sts =
        StsClient.builder()
            .endpointOverride(fake.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(Clients.staticProvider(user))
            .httpClient(Clients.HTTP)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      sts.getCallerIdentity();
      fake.faults().includeSts(true);
      assertThatThrownBy(sts::getCallerIdentity)
          .satisfies(e -> assertThat(code(e)).isEqualTo("Throttling"));
    }
  }

  @Test
  void awsBucketsThrottleBurstsPerAction() {
    fake.faults().enforceAwsBuckets(true);
    // the unpaged DescribeInstances bucket: 50 tokens, refilled at 10 per second; how many calls
    // pass before the first throttle depends on how long they took, so the bound is measured
    int ok = 0;
    int throttled = 0;
    long start = System.nanoTime();
    while (throttled == 0 && ok < 500) {
      try {
        ec2.describeInstances();
        ++ok;
      } catch (AwsServiceException e) {
        assertThat(code(e)).isEqualTo("RequestLimitExceeded");
        ++throttled;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(throttled).as("a burst faster than the refill is throttled").isEqualTo(1);
    assertThat(ok).isBetween(50, 50 + (int) Math.ceil(seconds * 10) + 1);
    for (int i = 0; i < 60; i++) {
      ec2.describeInstances(r -> r.maxResults(100));
    }
    for (int i = 0; i < 60; i++) {
      ec2.describeVpcs();
    }
    assertThat(fake.faults().throttled()).isEqualTo(throttled);
  }
}
