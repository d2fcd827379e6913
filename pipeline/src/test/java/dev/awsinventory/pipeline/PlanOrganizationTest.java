package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeOrganization;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.OrgScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.AccountState;

/**
 * {@code --plan} with an {@code org} block, in-process against the fake's Organizations, STS and
 * EC2 over HTTP and a real PostgreSQL: the plan discovers the organization as a run would, lists
 * every account with its disposition, assumes each member role it would fetch, counts the slices a
 * run then fetches, and writes nothing. A denied member role is a problem as for a listed account
 * (exit 1, one line); a discovery that fails entirely is exit 1 with the run's own message.
 */
class PlanOrganizationTest {
  private static final String MANAGEMENT = "400000000000";
  private static final String A = "400000000001";
  private static final String B = "400000000002";
  private static final String SUSPENDED = "400000000003";
  private static final String DENIED = "400000000004";
  private static final String ROLE = "InventoryMember";
  private static final String DENIED_ROLE = "arn:aws:iam::" + DENIED + ":role/" + ROLE;
  private static final String TABLES =
      "[\"aws_ec2_vpcs\", \"aws_ec2_instances\", \"aws_organizations_roots\"]";
  private static FakeAws aws;
  private static TestDatabase pg;
  private static Credentials management;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    FakeOrganization org = aws.organization(MANAGEMENT);
    org.account(org.rootId(), A, "member-a", AccountState.ACTIVE)
        .account(org.rootId(), B, "member-b", AccountState.ACTIVE)
        .account(org.rootId(), SUSPENDED, "member-s", AccountState.SUSPENDED)
        .account(org.rootId(), DENIED, "member-d", AccountState.ACTIVE);
    int seed = 1;
    for (String id : new String[] {A, B, SUSPENDED, DENIED}) {
      aws.account(id).role(ROLE, MANAGEMENT);
      aws.account(id).region("us-east-1").fill("DescribeVpcs", 2, seed++);
    }
    management = aws.sourceUser(MANAGEMENT);
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  /** The organization's config: the management account is skipped by id (it has no member role). */
  private static Path config(String url) throws Exception {
    return OrgScenario.writeConfig(
        Files.createTempFile(dir, "org", ".yml"),
        aws.endpoint(),
        url,
        TABLES,
        """
        org:
          member_role_name: %s
          skip_member_accounts: ["%s"]
        """
            .formatted(ROLE, MANAGEMENT));
  }

  @Test
  void listsEveryAccountWithItsDispositionAndChecksEachMemberItWouldFetch() throws Exception {
    String url = pg.newDatabase();
    Path config = config(url);
    aws.denyAssumeRole(DENIED_ROLE);
    Output denied;
    try {
      denied = plan(management, config);
    } finally {
      aws.allowAssumeRole(DENIED_ROLE);
    }
    // as for a listed account: a member whose role is denied is listed as FAILED, the others are
    // planned, and the plan says a run could not proceed cleanly (exit 1, one line per problem)
    assertThat(denied.code()).as(denied.toString()).isEqualTo(InventoryPipeline.EXIT_FATAL);
    assertThat(denied.stdout())
        .contains(
            "Organization of admin account default (" + MANAGEMENT + "): 5 accounts, 3 to fetch");
    assertThat(line(denied.stdout(), "management (" + MANAGEMENT + ")"))
        .endsWith("skipped: skip_member_accounts (management account)");
    assertThat(line(denied.stdout(), "member-a (" + A + ")")).endsWith(" fetched");
    assertThat(line(denied.stdout(), "member-s (" + SUSPENDED + ")"))
        .endsWith(" not active: state SUSPENDED");
    assertThat(line(denied.stdout(), "member-d (" + DENIED + ")")).endsWith(" fetched");
    assertThat(denied.stdout())
        .contains("FAILED: AssumeRole of " + DENIED_ROLE + " was denied")
        // 2 usable members x 1 region x 2 tables, and the organization's one table once
        .contains(
            "Slices: 5 (2 accounts, 2 account-regions; 2 slices per region, 0 per account, "
                + "1 for the organization)");
    assertThat(denied.stderr().strip().lines())
        .as(denied.toString())
        .singleElement()
        .asString()
        .startsWith(
            "aws-inventory: plan: account member-d ("
                + DENIED
                + "): AssumeRole of "
                + DENIED_ROLE
                + " was denied: the role's trust policy must allow the source principal");

    Output allowed = plan(management, config);
    System.out.print(allowed.stdout());
    assertThat(allowed.code()).as(allowed.toString()).isZero();
    assertThat(allowed.stderr()).isEmpty();
    // 7 slices; aws_organizations_roots also lists the root's tags: one call more, once
    assertThat(allowed.stdout())
        .contains(
            "Slices: 7 (3 accounts, 3 account-regions",
            "Plan: a run could proceed.",
            "Calls: at least 8 (one per slice and page")
        .contains("AssumeRole ok; 1 regions: us-east-1; 2 slices");
    String planned =
        allowed
            .stdout()
            .substring(allowed.stdout().indexOf("Accounts:"), allowed.stdout().indexOf("Tables ("));
    assertThat(planned).contains(A, B, DENIED).doesNotContain(SUSPENDED, MANAGEMENT);
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
        .as("nothing written")
        .isZero();

    InventoryRun.Result run = InventoryRun.run(management, "--config=" + config);
    assertThat(run.code()).as(run.output()).isEqualTo(InventoryPipeline.EXIT_OK);
    assertThat(run.output()).contains("7 slices ok, 0 failed");
  }

  @Test
  void aDiscoveryThatFailsIsExitOneWithTheRunsMessage() throws Exception {
    String url = pg.newDatabase();
    Path config = config(url);
    Credentials member = aws.sourceUser(A);
    Output plan = plan(member, config);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(InventoryPipeline.EXIT_FATAL);
    assertThat(plan.stdout()).contains("discovery FAILED");
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
        .as("nothing written")
        .isZero();

    InventoryRun.Result run = InventoryRun.run(member, "--config=" + config);
    assertThat(run.code()).isEqualTo(InventoryPipeline.EXIT_FATAL);
    assertThat(run.summary().error())
        .startsWith(
            "organization discovery failed: account "
                + A
                + " may not call organizations:ListRoots (AccessDeniedException)");
    assertThat(plan.stderr().strip().lines())
        .as(plan.toString())
        .singleElement()
        .isEqualTo("aws-inventory: plan: " + run.summary().error());
  }

  /** The line of the plan's output that names this account. */
  private static String line(String output, String account) {
    return output
        .lines()
        .filter(l -> l.contains(account))
        .findFirst()
        .orElse("(no line names " + account + ")");
  }

  private static Output plan(Credentials source, Path config) {
    System.setProperty("aws.accessKeyId", source.accessKeyId());
    System.setProperty("aws.secretAccessKey", source.secretAccessKey());
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      InventoryPipeline.Result r =
          new InventoryPipeline(
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8))
              .run(new String[] {"--config=" + config, "--plan"});
      return new Output(
          r.exitCode(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private record Output(int code, String stdout, String stderr) {}
}
