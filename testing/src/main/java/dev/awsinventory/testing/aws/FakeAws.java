package dev.awsinventory.testing.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fake AWS endpoint speaking the real STS (awsQuery) and EC2 wire protocols over HTTP on
 * 127.0.0.1, so that unmodified SDK clients with {@code endpointOverride(fake.endpoint())} work
 * against it. Every call must be SigV4-signed with credentials the fake created ({@link
 * #sourceUser}) or issued (AssumeRole).
 */
public final class FakeAws implements AutoCloseable {

  private static final int THREADS = 64;

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Keys keys = new Keys();
  private final Map<String, FakeAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  private final Faults faults = new Faults();
  private final Map<String, LongAdder> callsByAction = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsBySlice = new ConcurrentHashMap<>();
  private final List<AssumeRoleCall> assumeRoleCalls = new CopyOnWriteArrayList<>();
  private final AtomicInteger activeRequests = new AtomicInteger();
  private final AtomicInteger mostActiveRequests = new AtomicInteger();
  private volatile Duration credentialLifetime;
  private volatile FakeOrganization organization;
  private HttpServer server;
  private ExecutorService executor;

  private FakeAws() {}

  /** Starts a fake on an ephemeral port of 127.0.0.1. */
  public static FakeAws start() {
    FakeAws aws = new FakeAws();
    try {
      aws.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicInteger count = new AtomicInteger();
    aws.executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "fake-aws-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    aws.server.setExecutor(aws.executor);
    aws.server.createContext("/", new Dispatcher(aws));
    aws.server.start();
    return aws;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Creates an IAM user in the account (creating the account if needed) and returns its access key.
   */
  public Credentials sourceUser(String accountId) {
    account(accountId);
    return keys.newUser(accountId).credentials();
  }

  /** The account with this 12-digit id, created on first use. */
  public FakeAccount account(String accountId) {
    if (accountId == null || !accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("an AWS account id has 12 digits: " + accountId);
    }
    return accounts.computeIfAbsent(accountId, id -> new FakeAccount(this, id));
  }

  /**
   * The organization whose management account is this one (created on first use; the fake holds
   * one). Its Organizations API answers callers of the management account only.
   */
  public synchronized FakeOrganization organization(String managementAccountId) {
    account(managementAccountId);
    if (organization == null) {
      organization = new FakeOrganization(this, managementAccountId);
    } else if (!organization.managementAccountId().equals(managementAccountId)) {
      throw new IllegalStateException(
          "the fake already has an organization managed by " + organization.managementAccountId());
    }
    return organization;
  }

  /** The organization the account belongs to (as management account or member), or null. */
  FakeOrganization organizationOf(String accountId) {
    FakeOrganization org = organization;
    return org != null && (org.managementAccountId().equals(accountId) || org.hasMember(accountId))
        ? org
        : null;
  }

  /**
   * AssumeRole of this role is denied unless it passes exactly this ExternalId (null: no longer
   * required).
   */
  public void requireExternalId(String roleArn, String externalId) {
    existingRole(roleArn).externalId(externalId);
  }

  /** AssumeRole of this role is denied even for trusted callers. */
  public void denyAssumeRole(String roleArn) {
    existingRole(roleArn).denied(true);
  }

  /** Undoes {@link #denyAssumeRole(String)}. */
  public void allowAssumeRole(String roleArn) {
    existingRole(roleArn).denied(false);
  }

  /**
   * The role's MaxSessionDuration (default 1 hour); AssumeRole asking for more DurationSeconds
   * fails.
   */
  public void maxSessionDuration(String roleArn, Duration max) {
    existingRole(roleArn).maxSessionSeconds((int) max.toSeconds());
  }

  /**
   * How long credentials issued from now on stay valid, whatever DurationSeconds asks. Null (the
   * default) means DurationSeconds, or 1 hour without it.
   */
  public void credentialLifetime(Duration lifetime) {
    this.credentialLifetime = lifetime;
  }

  public Faults faults() {
    return faults;
  }

  /** Authenticated calls of an action (EC2 or STS), over all accounts and regions. */
  public long calls(String action) {
    LongAdder n = callsByAction.get(action);
    return n == null ? 0 : n.sum();
  }

  /** Authenticated calls of each action (EC2 and STS) so far, by action name, sorted. */
  public SortedMap<String, Long> callsByAction() {
    SortedMap<String, Long> counts = new TreeMap<>();
    callsByAction.forEach((action, n) -> counts.put(action, n.sum()));
    return counts;
  }

  /** Authenticated calls of an action by credentials of this account, signed for this region. */
  public long calls(String accountId, String region, String action) {
    LongAdder n = callsBySlice.get(accountId + "/" + region + "/" + action);
    return n == null ? 0 : n.sum();
  }

  /**
   * The most HTTP requests (STS or EC2) the fake was handling at the same time since it started or
   * since {@link #resetCounters()}.
   */
  public int mostConcurrentRequests() {
    return mostActiveRequests.get();
  }

  /** Every credential the fake has issued or created (for tests that look for leaked secrets). */
  public List<Credentials> issuedCredentials() {
    return keys().all();
  }

  /** Every AssumeRole call received, granted or not, in order. */
  public List<AssumeRoleCall> assumeRoleCalls() {
    return List.copyOf(assumeRoleCalls);
  }

  /** Forgets call counts and recorded AssumeRole calls. */
  public void resetCounters() {
    callsByAction.clear();
    callsBySlice.clear();
    assumeRoleCalls.clear();
    mostActiveRequests.set(activeRequests.get());
  }

  Keys keys() {
    return keys;
  }

  Duration credentialLifetime() {
    return credentialLifetime;
  }

  void addRole(Role role) {
    roles.put(role.arn(), role);
  }

  Role role(String arn) {
    return roles.get(arn);
  }

  void recordAssumeRole(AssumeRoleCall call) {
    assumeRoleCalls.add(call);
  }

  void requestStarted() {
    mostActiveRequests.accumulateAndGet(activeRequests.incrementAndGet(), Math::max);
  }

  void requestEnded() {
    activeRequests.decrementAndGet();
  }

  void count(String accountId, String region, String action) {
    callsByAction.computeIfAbsent(String.valueOf(action), a -> new LongAdder()).increment();
    callsBySlice
        .computeIfAbsent(accountId + "/" + region + "/" + action, k -> new LongAdder())
        .increment();
  }

  private Role existingRole(String roleArn) {
    Role role = roles.get(roleArn);
    if (role == null) {
      throw new IllegalArgumentException("no such role: " + roleArn);
    }
    return role;
  }
}
