package dev.awsinventory.transforms.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

class OrgSelectionTest {
  /** The SDK's older account status (ours is {@link AccountStatus}). */
  private enum Status {
    ACTIVE,
    SUSPENDED;

    software.amazon.awssdk.services.organizations.model.AccountStatus sdk() {
      return software.amazon.awssdk.services.organizations.model.AccountStatus.valueOf(name());
    }
  }

  private static final String ROOT = "r-ab12";
  private static final String PROD = "ou-ab12-00000001";
  private static final String APPS = "ou-ab12-00000002";
  private static final String DEEP = "ou-ab12-00000003";
  private static final String DEV = "ou-ab12-00000004";

  /**
   * root: mgmt; prod: a1; prod/apps: a2 (SUSPENDED); prod/apps/deep: a3; dev: a4 (Status only,
   * CLOSED).
   */
  private static OrgTree tree() {
    OrgTree t = new OrgTree();
    t.addRoot(Root.builder().id(ROOT).build());
    t.addUnit(OrganizationalUnit.builder().id(PROD).build(), ROOT);
    t.addUnit(OrganizationalUnit.builder().id(APPS).build(), PROD);
    t.addUnit(OrganizationalUnit.builder().id(DEEP).build(), APPS);
    t.addUnit(OrganizationalUnit.builder().id(DEV).build(), ROOT);
    t.addAccount(account("100000000000", AccountState.ACTIVE, Status.ACTIVE, "aws"), ROOT);
    t.addAccount(account("100000000001", AccountState.ACTIVE, Status.ACTIVE, "aws"), PROD);
    t.addAccount(account("100000000002", AccountState.SUSPENDED, Status.SUSPENDED, "aws"), APPS);
    t.addAccount(account("100000000003", AccountState.ACTIVE, Status.ACTIVE, "aws-us-gov"), DEEP);
    t.addAccount(account("100000000004", null, Status.SUSPENDED, "aws"), DEV);
    t.addAccount(account("100000000003", AccountState.ACTIVE, Status.ACTIVE, "aws-us-gov"), ROOT);
    return t;
  }

  private static Account account(String id, AccountState state, Status status, String partition) {
    return Account.builder()
        .id(id)
        .name("n" + id.substring(11))
        .state(state)
        .status(status.sdk())
        .arn("arn:" + partition + ":organizations::100000000000:account/o-abcdefghij/" + id)
        .build();
  }

  private static Map<String, String> decide(OrgConfig org) {
    return OrgSelection.decide(org, tree(), "100000000000").stream()
        .collect(
            Collectors.toMap(
                AccountStatus::accountId,
                s ->
                    s.disposition()
                        + (s.detail() == null ? "" : " " + s.detail())
                        + " "
                        + s.state()));
  }

  @Test
  void theWholeOrganizationEachAccountOnceWithStateElseStatus() {
    Map<String, String> d = decide(OrgConfig.builder("R").build());
    assertThat(d)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "100000000000", "fetched ACTIVE",
                "100000000001", "fetched ACTIVE",
                "100000000002", "not_active SUSPENDED",
                "100000000003", "fetched ACTIVE",
                "100000000004", "not_active SUSPENDED"));
    assertThat(tree().parentOf("100000000003"))
        .as("the first parent found is kept")
        .isEqualTo(DEEP);
  }

  @Test
  void organizationUnitsTakeNestedOusAndSkippedOusDropAtAnyDepth() {
    Map<String, String> d =
        decide(
            OrgConfig.builder("R")
                .organizationUnits(List.of(PROD))
                .skipOrganizationUnits(List.of(DEEP))
                .skipMemberAccounts(List.of("100000000001"))
                .build());
    assertThat(d)
        .containsEntry("100000000000", "out_of_scope not under organization_units ACTIVE")
        .containsEntry("100000000001", "skipped skip_member_accounts ACTIVE")
        .containsEntry("100000000002", "not_active SUSPENDED")
        .containsEntry("100000000003", "skipped skip_organization_units " + DEEP + " ACTIVE")
        .containsEntry("100000000004", "out_of_scope not under organization_units SUSPENDED");
    Map<String, String> fromRoot =
        decide(
            OrgConfig.builder("R")
                .organizationUnits(List.of(ROOT))
                .skipOrganizationUnits(List.of(APPS))
                .build());
    assertThat(fromRoot)
        .containsEntry("100000000000", "fetched ACTIVE")
        .containsEntry("100000000003", "skipped skip_organization_units " + APPS + " ACTIVE");
  }

  @Test
  void membersAssumeTheNamedRoleInTheirPartitionFromTheTrustedPrincipal() {
    OrgTree t = tree();
    OrgAccount gov =
        t.orgAccounts().stream()
            .filter(a -> a.account().id().equals("100000000003"))
            .findFirst()
            .orElseThrow();
    AccountConfig admin = AccountConfig.defaultChain();
    AccountConfig hub =
        AccountConfig.member(
            "222222222222",
            "hub",
            "arn:aws:iam::222222222222:role/Hub",
            null,
            null,
            "us-east-1",
            null,
            null);
    OrgConfig org =
        OrgConfig.builder("Fetch")
            .memberTrustedPrincipal(hub)
            .memberExternalId("x")
            .memberRoleSessionName("inv")
            .memberRegions(List.of("us-gov-*"))
            .build();
    AccountConfig m = OrgSelection.member(org, gov, "n3", admin);
    assertThat(m.roleArn()).contains("arn:aws-us-gov:iam::100000000003:role/Fetch");
    assertThat(m.accountIdHint()).contains("100000000003");
    assertThat(m.source()).contains(hub);
    assertThat(m.externalId()).contains("x");
    assertThat(m.roleSessionName()).contains("inv");
    assertThat(m.regions()).contains(List.of("us-gov-*"));
    assertThat(OrgSelection.member(OrgConfig.builder("Fetch").build(), gov, "n3", admin).source())
        .isEmpty();
  }
}
