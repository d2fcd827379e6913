package dev.awsinventory.transforms.aws;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A fresh fake AWS with one account enabled in us-east-1, and plain EC2 clients on it (the source
 * user's keys, the SDK's standard retries, the given interceptors in order), for the tests of the
 * interceptors alone. Closing it closes every client and HTTP pool it built.
 */
final class FakeEc2 implements AutoCloseable {
  static final String ACCOUNT = "135792468013";
  static final String REGION = "us-east-1";

  final FakeAws aws = FakeAws.start();
  private final Credentials keys = aws.sourceUser(ACCOUNT);
  private final List<Ec2Client> clients = new ArrayList<>();
  private final List<SdkHttpClient> https = new ArrayList<>();

  FakeEc2() {
    aws.account(ACCOUNT).regions(REGION);
  }

  /** The account's region, to stock. */
  FakeRegion region() {
    return aws.account(ACCOUNT).region(REGION);
  }

  /** A client with {@code interceptors} in this order, on a pool of 8 connections of its own. */
  Ec2Client client(ExecutionInterceptor... interceptors) {
    return client(AwsClients.httpClient(8, AwsClients.MAX_IDLE), interceptors);
  }

  /**
   * A client on {@code http} (closed with this fixture) with {@code interceptors} in this order.
   */
  Ec2Client client(SdkHttpClient http, ExecutionInterceptor... interceptors) {
    https.add(http);
    Ec2Client c =
        Ec2Client.builder()
            .httpClient(http)
            .endpointOverride(aws.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
            .overrideConfiguration(
                o -> {
                  o.retryStrategy(RetryMode.STANDARD);
                  for (ExecutionInterceptor i : interceptors) {
                    o.addExecutionInterceptor(i);
                  }
                })
            .build();
    clients.add(c);
    return c;
  }

  /**
   * Waits until the fake AWS has answered {@code n} calls of {@code action}, at most 30 s (the
   * caller asserts what it expects).
   */
  void awaitCalls(String action, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (aws.calls(action) < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /**
   * An interceptor that holds the first call in {@code beforeUnmarshalling}: it counts {@code
   * holding} down and waits for {@code release}. The unmarshalling limit takes its permit earlier,
   * in {@code modifyHttpResponseContent}, so the first call keeps its permit until released (as a
   * long page being read would).
   */
  static ExecutionInterceptor holdsFirstCall(CountDownLatch holding, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return new ExecutionInterceptor() {
      @Override
      public void beforeUnmarshalling(
          Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
        if (first.getAndSet(false)) {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  @Override
  public void close() {
    clients.forEach(Ec2Client::close);
    https.forEach(SdkHttpClient::close);
    aws.close();
  }
}
