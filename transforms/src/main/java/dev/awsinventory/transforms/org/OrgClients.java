package dev.awsinventory.transforms.org;

import dev.awsinventory.transforms.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * An Organizations client for discovery: the partition's one global endpoint (AWS: {@code
 * us-east-1} for {@code aws}, {@code cn-northwest-1} for {@code aws-cn}, {@code us-gov-west-1} for
 * {@code aws-us-gov}), paced by {@link OrgPacer}, and the SDK's standard retry strategy, which
 * treats {@code TooManyRequestsException} as throttling, with at least {@link #MIN_ATTEMPTS}
 * attempts.
 */
final class OrgClients implements AutoCloseable {
  static final int MIN_ATTEMPTS = 10;

  private final SdkHttpClient http;
  private final OrganizationsClient client;
  private final OrgPacer pacer;

  OrgClients(
      AwsSettings settings, AwsCredentialsProvider credentials, String partition, Duration pace) {
    this.http =
        Apache5HttpClient.builder()
            .maxConnections(2)
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    this.pacer = new OrgPacer(pace);
    Duration maxBackoff = Duration.ofSeconds(Math.max(1, settings.maxBackoffSeconds()));
    var retry =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(Math.max(MIN_ATTEMPTS, settings.maxRetries()))
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), maxBackoff))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(Duration.ofMillis(200), maxBackoff))
            .circuitBreakerEnabled(false)
            .build();
    String region =
        settings.signingRegion() != null ? settings.signingRegion() : globalRegion(partition);
    var b =
        OrganizationsClient.builder()
            .httpClient(http)
            .credentialsProvider(credentials)
            .region(Region.of(region))
            .overrideConfiguration(o -> o.retryStrategy(retry).addExecutionInterceptor(pacer));
    if (settings.endpointUrl() != null) {
      b.endpointOverride(URI.create(settings.endpointUrl()));
    }
    this.client = b.build();
  }

  static String globalRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> "cn-northwest-1";
      case "aws-us-gov" -> "us-gov-west-1";
      default -> "us-east-1";
    };
  }

  OrganizationsClient client() {
    return client;
  }

  OrgPacer pacer() {
    return pacer;
  }

  @Override
  public void close() {
    client.close();
    http.close();
  }
}
