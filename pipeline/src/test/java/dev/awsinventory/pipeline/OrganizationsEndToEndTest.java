package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.AssumeRoleCall;
import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeOrganization;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import dev.awsinventory.testing.scenario.OrgScenario;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.org.AccountStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;

/**
 * Whole organizations end to end: the fake's Organizations API and STS/EC2 over HTTP, real
 * PostgreSQL, the pipeline on the DirectRunner, configs in both layouts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganizationsEndToEndTest {
  private static final String TABLES = "[\"aws_ec2_vpcs\", \"aws_organizations_*\"]";
  private static FakeAws aws;
  private static TestDatabase pg;
  private static OrgScenario scenario;
  private static Credentials management;
  private static String firstUrl;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    scenario = OrgScenario.create(aws);
    management = aws.sourceUser(OrgScenario.MANAGEMENT);
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  @Test
  @Order(1)
  void fetchesExactlyTheActiveAccountsInScopeThroughTheMemberRole() throws Exception {
    firstUrl = pg.newDatabase();
    aws.resetCounters();
    InventoryRun.Result r =
        InventoryRun.run(
            management,
            "--config=" + current(firstUrl),
            "--summary-file=" + dir.resolve("summary1.json"));

    assertThat(r.code()).as(r.output()).isEqualTo(InventoryPipeline.EXIT_PARTIAL);
    System.out.printf(
        "organization of 25 accounts: run %.1f s; Organizations calls: ListRoots %d, "
            + "ListOrganizationalUnitsForParent %d, ListAccountsForParent %d, ListTagsForResource %d%n",
        r.seconds(),
        aws.calls("ListRoots"),
        aws.calls("ListOrganizationalUnitsForParent"),
        aws.calls("ListAccountsForParent"),
        aws.calls("ListTagsForResource"));
    assertThat(accountsIn(firstUrl, "aws_ec2_vpcs")).isEqualTo(OrgScenario.expectedFetched());
    List<AssumeRoleCall> granted =
        aws.assumeRoleCalls().stream().filter(AssumeRoleCall::granted).toList();
    assertThat(granted)
        .allSatisfy(
            c -> {
              assertThat(c.roleArn()).endsWith(":role/" + OrgScenario.MEMBER_ROLE);
              assertThat(c.callerAccount()).isEqualTo(OrgScenario.MANAGEMENT);
            });
    Set<String> assumedIn =
        granted.stream()
            .map(c -> c.roleArn().split(":", -1)[4])
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(assumedIn).isEqualTo(OrgScenario.expectedFetched());
    assertThat(aws.assumeRoleCalls())
        .filteredOn(c -> !c.granted())
        .extracting(AssumeRoleCall::roleArn)
        .containsOnly(
            "arn:aws:iam::" + OrgScenario.MANAGEMENT + ":role/" + OrgScenario.MEMBER_ROLE);

    String out = r.output();
    assertThat(out)
        .contains("NOT FETCHED account " + OrgScenario.SUSPENDED + " (member-10): state SUSPENDED")
        .contains("NOT FETCHED account " + OrgScenario.CLOSED + " (member-17): state CLOSED")
        .contains("SKIPPED account 200000000005 (member-5): skip_member_accounts")
        .contains("SKIPPED account 200000000019 (member-19): skip_member_accounts")
        .contains("DENIED account " + OrgScenario.MANAGEMENT)
        .contains("management account")
        .contains("add " + OrgScenario.MANAGEMENT + " to skip_member_accounts");
    for (String id : OrgScenario.IN_SKIPPED_OU) {
      assertThat(out)
          .contains("SKIPPED account " + id)
          .contains("skip_organization_units " + scenario.ous.get("sandbox"));
    }
    assertThat(r.summary().failed())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.table()).isEqualTo(SliceKey.ALL);
              assertThat(f.accountId()).isEqualTo(OrgScenario.MANAGEMENT);
            });
    Map<String, String> dispositions =
        r.summary().coverage().accounts().stream()
            .collect(Collectors.toMap(AccountStatus::accountId, AccountStatus::disposition));
    assertThat(dispositions)
        .hasSize(25)
        .containsEntry(OrgScenario.SUSPENDED, AccountStatus.NOT_ACTIVE)
        .containsEntry(OrgScenario.CLOSED, AccountStatus.NOT_ACTIVE)
        .containsEntry(OrgScenario.MANAGEMENT, AccountStatus.FETCHED);
    String json = Files.readString(dir.resolve("summary1.json"));
    assertThat(json)
        .contains("\"state\": \"SUSPENDED\"")
        .contains("\"state\": \"CLOSED\"")
        .contains("\"disposition\": \"skipped\"")
        .contains("\"denied_accounts\": [");

    assertOrganizationTablesEqualTheFakesTree(firstUrl, scenario.org);
  }

  @Test
  @Order(2)
  void seedLayoutGivesIdenticalTables() throws Exception {
    String url = pg.newDatabase();
    Path legacy =
        LegacyConfig.write(
            dir.resolve("legacy.yml"),
            pg.port(),
            url,
            TABLES,
            """
        regions: ["us-east-1"]
        custom_endpoint_url: "%s"
        %s"""
                .formatted(aws.endpoint(), scenario.orgBlock()));
    InventoryRun.Result r = InventoryRun.run(management, "--config=" + legacy);
    assertThat(r.code()).as(r.output()).isEqualTo(InventoryPipeline.EXIT_PARTIAL);
    assertThat(inventory(url)).isEqualTo(inventory(firstUrl));
  }

  @Test
  @Order(3)
  void thirtyPercentOfOrganizationsCallsThrottledGiveTheSameResult() throws Exception {
    String url = pg.newDatabase();
    long before = scenario.org.throttled();
    scenario.org.throttleRate(0.3, 99);
    try {
      InventoryRun.Result r = InventoryRun.run(management, "--config=" + current(url));
      assertThat(r.code()).as(r.output()).isEqualTo(InventoryPipeline.EXIT_PARTIAL);
      assertThat(scenario.org.throttled() - before).isGreaterThan(5);
      System.out.printf(
          "30%% throttled: %d Organizations calls throttled and retried; run %.1f s%n",
          scenario.org.throttled() - before, r.seconds());
      assertThat(r.summary().failed())
          .extracting(SliceOutcome::accountId)
          .containsExactly(OrgScenario.MANAGEMENT);
      assertThat(inventory(url)).isEqualTo(inventory(firstUrl));
    } finally {
      scenario.org.throttleRate(0, 99);
    }
  }

  @Test
  @Order(4)
  void anAccountThatLeftIsAnOrphanUntilDeletedAndDeniedOrSuspendedOnesNeverAre() throws Exception {
    String left = OrgScenario.member(3);
    String denied = OrgScenario.member(4);
    String suspended = OrgScenario.member(6);
    scenario.org.removeAccount(left);
    aws.denyAssumeRole("arn:aws:iam::" + denied + ":role/" + OrgScenario.MEMBER_ROLE);
    scenario.org.account(
        scenario.ous.get("prod/apps"), suspended, "member-6", AccountState.SUSPENDED);
    try {
      Map<String, Set<String>> before = inventory(firstUrl);
      InventoryRun.Result kept =
          InventoryRun.run(
              management,
              "--config=" + current(firstUrl),
              "--summary-file=" + dir.resolve("summary2.json"));
      assertThat(kept.summary().coverage().orphans())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.table()).isEqualTo("aws_ec2_vpcs");
                assertThat(o.accountId()).isEqualTo(left);
                assertThat(o.region()).isEqualTo("us-east-1");
                assertThat(o.rows()).isEqualTo(2);
                assertThat(o.lastSyncTime()).isNotNull();
                assertThat(o.deleted()).isFalse();
              });
      assertThat(kept.output())
          .contains(
              "ORPHAN aws_ec2_vpcs account " + left + " region us-east-1: 2 rows last synced");
      assertThat(Files.readString(dir.resolve("summary2.json")))
          .contains("\"orphans\": [")
          .contains(left);
      assertThat(
              TestDatabase.count(
                  firstUrl,
                  "SELECT count(*) FROM aws_inventory_sync_orphans WHERE account_id = '"
                      + left
                      + "'"))
          .isEqualTo(1);
      assertThat(accountsIn(firstUrl, "aws_ec2_vpcs")).contains(left, denied, suspended);
      Map<String, Set<String>> afterKept = inventory(firstUrl);
      assertThat(afterKept.get("aws_ec2_vpcs")).isEqualTo(before.get("aws_ec2_vpcs"));

      InventoryRun.Result deleted =
          InventoryRun.run(management, "--config=" + current(firstUrl), "--delete-orphans");
      assertThat(deleted.summary().coverage().orphans())
          .singleElement()
          .satisfies(o -> assertThat(o.deleted()).isTrue());
      Map<String, Set<String>> afterDelete = inventory(firstUrl);
      assertThat(accountsIn(firstUrl, "aws_ec2_vpcs"))
          .doesNotContain(left)
          .contains(denied, suspended);
      Map<String, Set<String>> expected = new TreeMap<>(afterKept);
      expected.put(
          "aws_ec2_vpcs",
          afterKept.get("aws_ec2_vpcs").stream()
              .filter(row -> !row.contains("\"account_id\": \"" + left + "\""))
              .collect(Collectors.toSet()));
      assertThat(afterDelete).isEqualTo(expected);
      assertThat(afterDelete.get("aws_ec2_vpcs")).hasSize(afterKept.get("aws_ec2_vpcs").size() - 2);
    } finally {
      aws.allowAssumeRole("arn:aws:iam::" + denied + ":role/" + OrgScenario.MEMBER_ROLE);
    }
  }

  @Test
  @Order(5)
  void discoveryByANonManagementAccountIsFatalAndNamesThePermission() throws Exception {
    String url = pg.newDatabase();
    InventoryRun.Result member =
        InventoryRun.run(aws.sourceUser(OrgScenario.member(1)), "--config=" + current(url));
    assertThat(member.code()).as(member.output()).isEqualTo(InventoryPipeline.EXIT_FATAL);
    assertThat(member.summary().error())
        .contains("account " + OrgScenario.member(1))
        .contains("organizations:ListRoots")
        .contains("AccessDeniedException")
        .contains("organizations:ListAccounts");
    InventoryRun.Result outsider =
        InventoryRun.run(aws.sourceUser("300000000000"), "--config=" + current(url));
    assertThat(outsider.code()).isEqualTo(InventoryPipeline.EXIT_FATAL);
    assertThat(outsider.summary().error())
        .contains("account 300000000000")
        .contains("is not a member of an AWS Organization");
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isZero();
  }

  @Test
  @Order(6)
  void withoutOuOptionsOrOrganizationTablesItIsListAccountsAndStatusStandsInForState()
      throws Exception {
    String url = pg.newDatabase();
    scenario.org.withoutState(true);
    aws.resetCounters();
    try {
      Path config =
          OrgScenario.writeConfig(
              Files.createTempFile(dir, "plain", ".yml"),
              aws.endpoint(),
              url,
              "[\"aws_ec2_vpcs\"]",
              "org:\n  member_role_name: " + OrgScenario.MEMBER_ROLE + "\n");
      InventoryRun.Result r = InventoryRun.run(management, "--config=" + config);
      assertThat(r.code()).as(r.output()).isEqualTo(InventoryPipeline.EXIT_PARTIAL);
      assertThat(aws.calls("ListAccounts")).isPositive();
      assertThat(aws.calls("ListRoots") + aws.calls("ListAccountsForParent")).isZero();
      Set<String> expected = new TreeSet<>(OrgScenario.expectedFetched());
      expected.addAll(OrgScenario.SKIPPED_IDS);
      expected.addAll(OrgScenario.IN_SKIPPED_OU);
      expected.removeAll(List.of(OrgScenario.member(3), OrgScenario.member(6)));
      assertThat(accountsIn(url, "aws_ec2_vpcs")).isEqualTo(expected);
      assertThat(r.output())
          .contains("NOT FETCHED account " + OrgScenario.CLOSED + " (member-17): state SUSPENDED");
    } finally {
      scenario.org.withoutState(false);
    }
  }

  /** The current-layout config: the org block instead of accounts. */
  private static Path current(String url) throws IOException {
    return scenario.writeConfig(
        Files.createTempFile(dir, "org", ".yml"), aws.endpoint(), url, TABLES);
  }

  /**
   * Every inventory table's rows without the sync time (the sync tables differ per run by nature).
   */
  private static Map<String, Set<String>> inventory(String url) {
    Map<String, Set<String>> all = new TreeMap<>(TestDatabase.snapshot(url, "aws_"));
    all.keySet().removeIf(t -> t.startsWith("aws_inventory_"));
    return all;
  }

  private static Set<String> accountsIn(String url, String table) {
    return TestDatabase.query(url, "SELECT DISTINCT account_id FROM " + table).stream()
        .map(r -> (String) r.get("account_id"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static void assertOrganizationTablesEqualTheFakesTree(String url, FakeOrganization org) {
    Set<String> accounts = new HashSet<>();
    for (Map<String, Object> r :
        TestDatabase.query(
            url,
            "SELECT id, parent_id, state, status, name, email, "
                + "request_account_id, joined_method FROM aws_organizations_accounts")) {
      accounts.add(
          r.get("id")
              + "|"
              + r.get("parent_id")
              + "|"
              + r.get("state")
              + "|"
              + r.get("status")
              + "|"
              + r.get("name")
              + "|"
              + r.get("email")
              + "|"
              + r.get("request_account_id")
              + "|"
              + r.get("joined_method"));
    }
    Set<String> expected = new HashSet<>();
    for (Account a : org.accounts()) {
      expected.add(
          a.id()
              + "|"
              + org.parentOf(a.id())
              + "|"
              + a.stateAsString()
              + "|"
              + a.statusAsString()
              + "|"
              + a.name()
              + "|"
              + a.email()
              + "|"
              + OrgScenario.MANAGEMENT
              + "|"
              + a.joinedMethodAsString());
    }
    assertThat(accounts).isEqualTo(expected);
    assertThat(
            TestDatabase.query(url, "SELECT id, parent_id FROM aws_organizations_account_parents")
                .stream()
                .map(r -> r.get("id") + "|" + r.get("parent_id"))
                .collect(Collectors.toSet()))
        .isEqualTo(
            org.accounts().stream()
                .map(a -> a.id() + "|" + org.parentOf(a.id()))
                .collect(Collectors.toSet()));
    assertThat(
            TestDatabase.query(
                    url, "SELECT id, name, arn FROM aws_organizations_organizational_units")
                .stream()
                .map(r -> r.get("id") + "|" + r.get("name") + "|" + r.get("arn"))
                .collect(Collectors.toSet()))
        .isEqualTo(
            org.organizationalUnits().stream()
                .map(u -> u.id() + "|" + u.name() + "|" + u.arn())
                .collect(Collectors.toSet()));
    assertThat(
            TestDatabase.query(
                    url, "SELECT id, arn, tags::text AS tags FROM aws_organizations_roots")
                .stream()
                .map(r -> r.get("id") + "|" + r.get("arn") + "|" + r.get("tags"))
                .toList())
        .containsExactly(org.rootId() + "|" + org.root().arn() + "|{\"owner\": \"platform\"}");
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM aws_organizations_accounts WHERE id = '"
                    + OrgScenario.member(1)
                    + "' AND tags->>'team' = 'core'"))
        .isEqualTo(1);
  }
}
