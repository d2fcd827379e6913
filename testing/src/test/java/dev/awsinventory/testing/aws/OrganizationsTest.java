package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/** The fake's Organizations API through the real SDK client (awsJson1_1 over HTTP). */
class OrganizationsTest {

  private static final String MGMT = "100000000000";
  private FakeAws fake;
  private FakeOrganization org;
  private String prod;
  private String team;

  @BeforeEach
  void start() {
    fake = FakeAws.start();
    org = fake.organization(MGMT);
    prod = org.organizationalUnit(org.rootId(), "prod");
    team = org.organizationalUnit(prod, "team");
    org.account(org.rootId(), "100000000001", "a1", AccountState.ACTIVE)
        .account(prod, "100000000002", "a2", AccountState.SUSPENDED)
        .account(team, "100000000003", "a3", AccountState.CLOSED)
        .account(team, "100000000004", "a4", AccountState.ACTIVE);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private OrganizationsClient client(String accountId, boolean retry) {
    return OrganizationsClient.builder()
        .endpointOverride(fake.endpoint())
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(Clients.staticProvider(fake.sourceUser(accountId)))
        .httpClient(Clients.HTTP)
        .overrideConfiguration(
            o ->
                o.retryStrategy(
                    retry
                        ? AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(20)
                            .build()
                        : AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  void listsTheTreeWithStatesAcrossPagesIncludingEmptyOnes() {
    org.emptyPages(true);
    try (OrganizationsClient c = client(MGMT, false)) {
      List<ListAccountsResponse> pages =
          c.listAccountsPaginator(r -> r.maxResults(2)).stream().toList();
      assertThat(pages).anyMatch(p -> p.accounts().isEmpty() && p.nextToken() != null);
      List<Account> accounts = pages.stream().flatMap(p -> p.accounts().stream()).toList();
      assertThat(accounts)
          .extracting(Account::id)
          .containsExactly(MGMT, "100000000001", "100000000002", "100000000003", "100000000004");
      Account closed = accounts.get(3);
      assertThat(closed.state()).isEqualTo(AccountState.CLOSED);
      assertThat(closed.status()).isEqualTo(AccountStatus.SUSPENDED);
      assertThat(closed.arn())
          .isEqualTo("arn:aws:organizations::" + MGMT + ":account/" + org.id() + "/100000000003");
      assertThat(closed.joinedTimestamp()).isEqualTo(FakeOrganization.JOINED);

      assertThat(c.listRoots().roots()).as("a first page may be empty").isEmpty();
      assertThat(c.listRootsPaginator().stream().flatMap(p -> p.roots().stream()).map(r -> r.id()))
          .containsExactly(org.rootId());
      assertThat(
              c.listOrganizationalUnitsForParentPaginator(r -> r.parentId(prod)).stream()
                  .flatMap(p -> p.organizationalUnits().stream())
                  .map(OrganizationalUnit::id))
          .containsExactly(team);
      assertThat(
              c.listAccountsForParentPaginator(r -> r.parentId(team)).stream()
                  .flatMap(p -> p.accounts().stream())
                  .map(Account::id))
          .containsExactly("100000000003", "100000000004");
      assertThat(
              c
                  .listChildrenPaginator(
                      r -> r.parentId(org.rootId()).childType(ChildType.ORGANIZATIONAL_UNIT))
                  .stream()
                  .flatMap(p -> p.children().stream())
                  .map(ch -> ch.id()))
          .containsExactly(prod);
      assertThat(
              c.listParentsPaginator(r -> r.childId("100000000004")).stream()
                  .flatMap(p -> p.parents().stream())
                  .map(p -> p.id()))
          .containsExactly(team);
      assertThat(c.describeOrganization().organization().masterAccountId()).isEqualTo(MGMT);
      assertThatThrownBy(() -> c.listAccountsForParent(r -> r.parentId("ou-zzzz-zzzzzzzz")))
          .isInstanceOf(ParentNotFoundException.class);
    }
  }

  @Test
  void statusOnlyWhenStateIsWithheld() {
    org.withoutState(true);
    try (OrganizationsClient c = client(MGMT, false)) {
      Account a = c.listAccountsForParent(r -> r.parentId(team)).accounts().get(0);
      assertThat(a.stateAsString()).isNull();
      assertThat(a.status()).isEqualTo(AccountStatus.SUSPENDED);
    }
  }

  @Test
  void membersAreDeniedAndOutsidersAreNotInAnOrganization() {
    try (OrganizationsClient member = client("100000000001", false);
        OrganizationsClient outsider = client("999999999999", false)) {
      assertThatThrownBy(member::listAccounts)
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("organizations:ListAccounts");
      assertThatThrownBy(outsider::listAccounts)
          .isInstanceOf(AwsOrganizationsNotInUseException.class);
    }
  }

  @Test
  void throttlesTheGivenShareAndTheSdkRetries() {
    org.throttleRate(0.3, 11);
    try (OrganizationsClient plain = client(MGMT, false)) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 50; i++) {
                  plain.listRoots();
                }
              })
          .isInstanceOf(TooManyRequestsException.class)
          .satisfies(
              e -> assertThat(((TooManyRequestsException) e).isThrottlingException()).isTrue());
    }
    try (OrganizationsClient retrying = client(MGMT, true)) {
      for (int i = 0; i < 30; i++) {
        assertThat(retrying.listAccounts().accounts()).hasSize(5);
      }
    }
    assertThat(org.throttled()).isGreaterThan(5);
  }
}
