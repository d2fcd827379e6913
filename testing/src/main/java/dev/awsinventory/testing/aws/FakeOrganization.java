package dev.awsinventory.testing.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The AWS Organization of the fake, owned by its management account: one root, organizational units
 * nested under it, and member accounts with their {@code State} and {@code Status}. Served by the
 * fake as the Organizations API (awsJson1_1); only callers of the management account may list it.
 * Facts: AWS Organizations API reference (Account, OrganizationalUnit, Root; a CLOSED account's
 * Status stays SUSPENDED).
 */
public final class FakeOrganization {

  /** When accounts joined, the same for all so that tables are reproducible. */
  public static final Instant JOINED = Instant.parse("2024-01-02T03:04:05Z");

  private final FakeAws aws;
  private final String id;
  private final String managementAccountId;
  private final Root root;
  private final Map<String, String> parents = new LinkedHashMap<>();
  private final Map<String, OrganizationalUnit> units = new LinkedHashMap<>();
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private final AtomicLong throttled = new AtomicLong();
  private int ouCount;
  private boolean emptyPages;
  private boolean withoutState;
  private int defaultPageSize = 5;
  private double throttleRate;
  private Random random = new Random(7);

  FakeOrganization(FakeAws aws, String managementAccountId) {
    this.aws = aws;
    this.managementAccountId = managementAccountId;
    this.id = "o-" + suffix(managementAccountId, 10);
    String rootId = "r-" + suffix(managementAccountId, 4);
    this.root =
        Root.builder()
            .id(rootId)
            .name("Root")
            .arn("arn:aws:organizations::" + managementAccountId + ":root/" + id + "/" + rootId)
            .policyTypes(List.of())
            .build();
    account(
        rootId,
        managementAccountId,
        "management",
        AccountState.ACTIVE,
        AccountJoinedMethod.INVITED);
  }

  public String id() {
    return id;
  }

  public String managementAccountId() {
    return managementAccountId;
  }

  public String rootId() {
    return root.id();
  }

  /** Creates an OU under a root or OU and returns its id ({@code ou-<root>-<8 chars>}). */
  public synchronized String organizationalUnit(String parentId, String name) {
    requireParent(parentId);
    String ouId = "ou-" + root.id().substring(2) + "-" + String.format("%08x", ++ouCount);
    units.put(
        ouId,
        OrganizationalUnit.builder()
            .id(ouId)
            .name(name)
            .arn("arn:aws:organizations::" + managementAccountId + ":ou/" + id + "/" + ouId)
            .build());
    parents.put(ouId, parentId);
    return ouId;
  }

  /** Adds (or moves) a member account, created by the organization, under a root or OU. */
  public synchronized FakeOrganization account(
      String parentId, String accountId, String name, AccountState state) {
    return account(parentId, accountId, name, state, AccountJoinedMethod.CREATED);
  }

  private synchronized FakeOrganization account(
      String parentId,
      String accountId,
      String name,
      AccountState state,
      AccountJoinedMethod joined) {
    requireParent(parentId);
    aws.account(accountId);
    accounts.put(
        accountId,
        Account.builder()
            .id(accountId)
            .name(name)
            .email(name + "@example.com")
            .arn(
                "arn:aws:organizations::"
                    + managementAccountId
                    + ":account/"
                    + id
                    + "/"
                    + accountId)
            .state(state)
            .status(statusOf(state))
            .joinedMethod(joined)
            .joinedTimestamp(JOINED)
            .build());
    parents.put(accountId, parentId);
    return this;
  }

  /** The account leaves the organization. */
  public synchronized FakeOrganization removeAccount(String accountId) {
    accounts.remove(accountId);
    parents.remove(accountId);
    return this;
  }

  /** Tags a root, OU or account (ListTagsForResource). */
  public synchronized FakeOrganization tag(String resourceId, String key, String value) {
    tags.computeIfAbsent(resourceId, k -> new LinkedHashMap<>()).put(key, value);
    return this;
  }

  /** Every listing answers an empty page with a NextToken before each page of items. */
  public synchronized FakeOrganization emptyPages(boolean on) {
    this.emptyPages = on;
    return this;
  }

  /**
   * Answers accounts without {@code State}, as before AWS added it (clients must fall back to
   * Status).
   */
  public synchronized FakeOrganization withoutState(boolean on) {
    this.withoutState = on;
    return this;
  }

  /** Items per page when the caller sends no MaxResults (default 5). */
  public synchronized FakeOrganization defaultPageSize(int size) {
    this.defaultPageSize = size;
    return this;
  }

  /** This share of Organizations calls (0..1) fails with TooManyRequestsException; seeded. */
  public synchronized FakeOrganization throttleRate(double probability, long seed) {
    this.throttleRate = probability;
    this.random = new Random(seed);
    return this;
  }

  /** Organizations calls answered with TooManyRequestsException so far. */
  public long throttled() {
    return throttled.get();
  }

  public synchronized Root root() {
    return root;
  }

  public synchronized List<Account> accounts() {
    return List.copyOf(accounts.values().stream().map(this::served).toList());
  }

  public synchronized List<OrganizationalUnit> organizationalUnits() {
    return List.copyOf(units.values());
  }

  /** The root or OU id directly above a root, OU or account; null for the root or an unknown id. */
  public synchronized String parentOf(String childId) {
    return parents.get(childId);
  }

  synchronized boolean throttleNow() {
    if (throttleRate > 0 && random.nextDouble() < throttleRate) {
      throttled.incrementAndGet();
      return true;
    }
    return false;
  }

  synchronized boolean hasMember(String accountId) {
    return accounts.containsKey(accountId);
  }

  synchronized boolean hasParent(String parentId) {
    return root.id().equals(parentId) || units.containsKey(parentId);
  }

  synchronized boolean exists(String anyId) {
    return hasParent(anyId) || accounts.containsKey(anyId);
  }

  synchronized List<Account> accountsUnder(String parentId) {
    List<Account> out = new ArrayList<>();
    accounts.forEach(
        (k, a) -> {
          if (parentId.equals(parents.get(k))) {
            out.add(served(a));
          }
        });
    return out;
  }

  synchronized List<OrganizationalUnit> unitsUnder(String parentId) {
    List<OrganizationalUnit> out = new ArrayList<>();
    units.forEach(
        (k, u) -> {
          if (parentId.equals(parents.get(k))) {
            out.add(u);
          }
        });
    return out;
  }

  synchronized Map<String, String> tagsOf(String resourceId) {
    return Map.copyOf(tags.getOrDefault(resourceId, Map.of()));
  }

  synchronized boolean emptyPages() {
    return emptyPages;
  }

  synchronized int defaultPageSize() {
    return defaultPageSize;
  }

  private Account served(Account a) {
    return withoutState ? a.toBuilder().state((String) null).build() : a;
  }

  private void requireParent(String parentId) {
    if (!hasParent(parentId)) {
      throw new IllegalArgumentException("no such root or OU: " + parentId);
    }
  }

  private static AccountStatus statusOf(AccountState state) {
    return switch (state) {
      case ACTIVE, PENDING_ACTIVATION -> AccountStatus.ACTIVE;
      case PENDING_CLOSURE -> AccountStatus.PENDING_CLOSURE;
      default -> AccountStatus.SUSPENDED;
    };
  }

  private static String suffix(String accountId, int length) {
    String hex = Long.toString(Long.parseLong(accountId) * 2654435761L & 0xffffffffffL, 36);
    StringBuilder s = new StringBuilder(hex);
    while (s.length() < length) {
      s.append('0');
    }
    return s.substring(0, length);
  }
}
