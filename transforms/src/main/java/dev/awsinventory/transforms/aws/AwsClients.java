package dev.awsinventory.transforms.aws;

import dev.awsinventory.config.AccountConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS clients of one worker JVM: one HTTP connection pool, one credentials provider per role
 * (refreshed by the SDK before it expires), one EC2 client per (role, region), and one set of token
 * buckets per (account, region) (see {@link Ec2RateLimits}). Shared by every DoFn instance with the
 * same settings and closed when the last one releases it. The buckets are this JVM's: the pipeline
 * routes every slice of one (account, region) to one worker so that they are also the job's.
 *
 * <p>What is shared, and why: creating an SDK client is expensive (endpoint rules, retry strategy,
 * interceptors), so nothing is built per slice. One {@link SdkHttpClient} (at most {@code
 * maxConnections} connections) serves every client. The source credentials (default chain or a
 * local profile) and the STS client that assumes roles with them exist once per (profile, region),
 * not per account; each role has one provider, whose session the SDK refreshes before it expires.
 * An EC2 client is per (role, region) because its {@link CallTracker} paces calls through that
 * account and region's own token buckets. The EC2 clients unmarshal at most one response per
 * processor at once ({@link UnmarshallingLimit}): reading a page is CPU work, and more pages read
 * at once than there are cores only keeps more of them in memory; they read each successful
 * response straight into the model, without the SDK's tree of the document ({@link
 * StreamedUnmarshalling}). Threads: none of its own; clients are used from the fetch pool's threads
 * and are thread-safe.
 */
public final class AwsClients implements AutoCloseable {
  public static final String DEFAULT_SESSION_NAME = "aws-inventory";
  private static final Map<AwsSettings, AwsClients> SHARED = new ConcurrentHashMap<>();
  static final StreamedUnmarshalling STREAMED = new StreamedUnmarshalling();

  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final Map<String, AwsCredentialsProvider> sources = new ConcurrentHashMap<>();
  private final Map<String, AwsCredentialsProvider> credentials = new ConcurrentHashMap<>();
  private final Map<String, StsClient> sts = new ConcurrentHashMap<>();
  private final Map<String, Ec2Client> ec2 = new ConcurrentHashMap<>();
  private final Map<String, Ec2RateLimits> limits = new ConcurrentHashMap<>();
  private final Map<String, List<String>> enabledRegions = new ConcurrentHashMap<>();
  private final UnmarshallingLimit unmarshalling =
      new UnmarshallingLimit(Runtime.getRuntime().availableProcessors());
  private int users;

  private AwsClients(AwsSettings settings) {
    this.settings = settings;
    this.http = httpClient(settings.maxConnections(), MAX_IDLE);
  }

  /**
   * How long a connection may wait unused in the pool and still be reused: less than the idle
   * timeouts servers close connections at (30 s for the JDK's HTTP server, which the fake AWS of
   * the tests is; 60 s for an AWS load balancer by default), so that no request is sent on a
   * connection the other end has already closed, which fails the attempt ("the target server failed
   * to respond") and costs a retry. The SDK's default is 60 s.
   */
  static final Duration MAX_IDLE = Duration.ofSeconds(20);

  /**
   * The HTTP client every AWS client of a JVM shares: at most {@code maxConnections} connections,
   * each reused only while it has been idle for less than {@code maxIdle}.
   */
  static SdkHttpClient httpClient(int maxConnections, Duration maxIdle) {
    return Apache5HttpClient.builder()
        .maxConnections(maxConnections)
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(60))
        .connectionMaxIdleTime(maxIdle)
        .build();
  }

  /** The JVM's clients for these settings; call {@link #release()} when done. */
  public static AwsClients acquire(AwsSettings settings) {
    synchronized (SHARED) {
      AwsClients c = SHARED.computeIfAbsent(settings, AwsClients::new);
      c.users++;
      return c;
    }
  }

  public void release() {
    synchronized (SHARED) {
      if (--users == 0) {
        SHARED.remove(settings);
        close();
      }
    }
  }

  public AwsSettings settings() {
    return settings;
  }

  /**
   * Credentials of the account: its role assumed from the source credentials, or the source ones.
   */
  public AwsCredentialsProvider credentials(AccountConfig account) {
    String key = identityKey(account);
    AwsCredentialsProvider known = credentials.get(key);
    if (known != null) {
      return known;
    }
    // the source's provider first: a map's computeIfAbsent must not update the same map
    AwsCredentialsProvider via = account.source().map(this::credentials).orElse(null);
    return credentials.computeIfAbsent(key, k -> newCredentials(account, via));
  }

  public StsClient sts(AccountConfig account) {
    // credentials first: making them may add the source's STS client to the same map
    AwsCredentialsProvider creds = credentials(account);
    return sts.computeIfAbsent(
        identityKey(account) + "|" + account.defaultRegion(),
        k -> stsClient(creds, account.defaultRegion()));
  }

  public Ec2Client ec2(AccountConfig account, String region) {
    return ec2.computeIfAbsent(
        identityKey(account) + "|" + region,
        k -> {
          var b =
              Ec2Client.builder()
                  .httpClient(http)
                  .credentialsProvider(credentials(account))
                  .region(Region.of(signingRegion(region)))
                  .overrideConfiguration(
                      overrides(settings.rateLimit() ? limits(account, region) : null, true));
          if (settings.endpointUrl() != null) {
            b.endpointOverride(URI.create(settings.endpointUrl()));
          }
          return b.build();
        });
  }

  /**
   * The account's enabled regions, sorted: DescribeRegions in its default region, without the
   * regions it has not opted in to ({@code opt-in-status} {@code not-opted-in}; <a
   * href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html">EC2 API
   * Reference</a>). Asked once per role and default region while these clients live: the driver's
   * checks before a run and the pipeline's region step in the same JVM share the answer. A failed
   * call is not remembered.
   *
   * @throws software.amazon.awssdk.services.ec2.model.Ec2Exception from DescribeRegions (e.g.
   *     access denied)
   */
  public List<String> enabledRegions(AccountConfig account) {
    String key = identityKey(account) + "|" + account.defaultRegion();
    List<String> known = enabledRegions.get(key);
    if (known != null) {
      return known;
    }
    // not computeIfAbsent: the call would hold a lock of the map while it waits on AWS
    List<String> regions =
        ec2(account, account.defaultRegion())
            .describeRegions(r -> r.allRegions(false))
            .regions()
            .stream()
            .filter(r -> !"not-opted-in".equals(r.optInStatus()))
            .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
            .sorted()
            .toList();
    enabledRegions.putIfAbsent(key, regions);
    return regions;
  }

  private AwsCredentialsProvider newCredentials(AccountConfig account, AwsCredentialsProvider via) {
    String profile = account.localProfile().orElse("");
    AwsCredentialsProvider source =
        via != null
            ? via
            : sources.computeIfAbsent(
                profile,
                p ->
                    p.isEmpty()
                        ? DefaultCredentialsProvider.builder().build()
                        : ProfileCredentialsProvider.builder().profileName(p).build());
    if (account.roleArn().isEmpty()) {
      return source;
    }
    String sourceKey = account.source().map(AwsClients::identityKey).orElse("profile:" + profile);
    StsClient client =
        sts.computeIfAbsent(
            "source|" + sourceKey + "|" + account.defaultRegion(),
            k -> stsClient(source, account.defaultRegion()));
    Duration session = Duration.ofSeconds(settings.sessionDurationSeconds());
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(client)
        .refreshRequest(
            r -> {
              r.roleArn(account.roleArn().get())
                  .roleSessionName(account.roleSessionName().orElse(DEFAULT_SESSION_NAME))
                  .durationSeconds(settings.sessionDurationSeconds());
              account.externalId().ifPresent(r::externalId);
            })
        .staleTime(min(Duration.ofMinutes(1), session.dividedBy(4)))
        .prefetchTime(min(Duration.ofMinutes(5), session.dividedBy(2)))
        .build();
  }

  private StsClient stsClient(AwsCredentialsProvider creds, String region) {
    var b =
        StsClient.builder()
            .httpClient(http)
            .credentialsProvider(creds)
            .region(Region.of(signingRegion(region)))
            .overrideConfiguration(overrides(null, false));
    if (settings.endpointUrl() != null) {
      b.endpointOverride(URI.create(settings.endpointUrl()));
    }
    return b.build();
  }

  /**
   * The JVM's token buckets of one AWS account and region, shared by every role used in that
   * account (AWS's buckets are per account, region and action, whoever calls).
   */
  private Ec2RateLimits limits(AccountConfig account, String region) {
    String owner = account.accountIdHint().orElse("identity " + identityKey(account));
    return limits.computeIfAbsent(owner + "|" + region, k -> new Ec2RateLimits());
  }

  private ClientOverrideConfiguration overrides(Ec2RateLimits rateLimits, boolean track) {
    Duration maxBackoff = Duration.ofSeconds(Math.max(1, settings.maxBackoffSeconds()));
    var retry =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(Math.max(1, settings.maxRetries()))
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), maxBackoff))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(Duration.ofMillis(500), maxBackoff))
            .circuitBreakerEnabled(false)
            .build();
    var b = ClientOverrideConfiguration.builder().retryStrategy(retry);
    if (track) {
      // before the tracker: an attempt gives back its unmarshalling permit before it waits for a
      // token (the SDK calls request hooks in the order of registration)
      responseReaders(unmarshalling).forEach(b::addExecutionInterceptor);
      b.addExecutionInterceptor(new CallTracker(rateLimits));
    }
    return b.build();
  }

  /**
   * The interceptors that read the EC2 clients' responses, in the order they are registered: the
   * SDK calls the response hooks in reverse order of registration, so {@code limit} (early read,
   * page budget, permit) runs before the reading it guards ({@link StreamedUnmarshalling}).
   */
  static List<ExecutionInterceptor> responseReaders(UnmarshallingLimit limit) {
    return List.of(STREAMED, limit);
  }

  private String signingRegion(String region) {
    return settings.signingRegion() != null ? settings.signingRegion() : region;
  }

  private static String identityKey(AccountConfig a) {
    return a.roleArn().orElse("")
        + "|"
        + a.externalId().orElse("")
        + "|"
        + a.roleSessionName().orElse("")
        + "|"
        + a.localProfile().orElse("")
        + a.source().map(s -> " via " + identityKey(s)).orElse("");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    ec2.values().forEach(SdkAutoCloseable::close);
    sts.values().forEach(SdkAutoCloseable::close);
    Stream.concat(credentials.values().stream(), sources.values().stream())
        .distinct()
        .forEach(
            c -> {
              if (c instanceof AutoCloseable closeable) {
                try {
                  closeable.close();
                } catch (Exception ignored) {
                  // closing a provider only stops its refresh thread
                }
              }
            });
    http.close();
  }
}
