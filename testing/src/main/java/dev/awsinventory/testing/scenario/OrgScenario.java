package dev.awsinventory.testing.scenario;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeOrganization;
import dev.awsinventory.testing.db.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.organizations.model.AccountState;

/**
 * An organization of 25 accounts in the fake: the management account (without the member role) and
 * 24 members in OUs three levels deep ({@code prod/apps/critical}, {@code dev/teams/a}, and {@code
 * sandbox/deep}, the OU the config skips), one SUSPENDED, one CLOSED, two skipped by id. Every
 * member has the member role (trusted by the management account) and two VPCs in {@code us-east-1}.
 * Empty pages are on, and pages are small.
 */
public final class OrgScenario {
  public static final String MANAGEMENT = "200000000000";
  public static final String MEMBER_ROLE = "InventoryMember";
  public static final String SUSPENDED = "200000000010";
  public static final String CLOSED = "200000000017";
  public static final List<String> SKIPPED_IDS = List.of("200000000005", "200000000019");
  public static final List<String> IN_SKIPPED_OU =
      List.of("200000000022", "200000000023", "200000000024");

  public final FakeOrganization org;
  public final Map<String, String> ous = new LinkedHashMap<>();

  private OrgScenario(FakeOrganization org) {
    this.org = org;
  }

  public static OrgScenario create(FakeAws aws) {
    OrgScenario s =
        new OrgScenario(aws.organization(MANAGEMENT).emptyPages(true).defaultPageSize(3));
    FakeOrganization org = s.org;
    String root = org.rootId();
    s.ous.put("prod", org.organizationalUnit(root, "prod"));
    s.ous.put("prod/apps", org.organizationalUnit(s.ous.get("prod"), "apps"));
    s.ous.put("prod/apps/critical", org.organizationalUnit(s.ous.get("prod/apps"), "critical"));
    s.ous.put("dev", org.organizationalUnit(root, "dev"));
    s.ous.put("dev/teams", org.organizationalUnit(s.ous.get("dev"), "teams"));
    s.ous.put("dev/teams/a", org.organizationalUnit(s.ous.get("dev/teams"), "a"));
    s.ous.put("sandbox", org.organizationalUnit(root, "sandbox"));
    s.ous.put("sandbox/deep", org.organizationalUnit(s.ous.get("sandbox"), "deep"));
    String[] parentOf = {
      null,
      root,
      root,
      "prod",
      "prod",
      "prod",
      "prod/apps",
      "prod/apps",
      "prod/apps",
      "prod/apps/critical",
      "prod/apps/critical",
      "prod/apps/critical",
      "dev",
      "dev",
      "dev",
      "dev/teams",
      "dev/teams",
      "dev/teams",
      "dev/teams/a",
      "dev/teams/a",
      "dev/teams/a",
      "dev/teams/a",
      "sandbox",
      "sandbox/deep",
      "sandbox/deep"
    };
    for (int i = 1; i <= 24; i++) {
      String id = member(i);
      AccountState state =
          id.equals(SUSPENDED)
              ? AccountState.SUSPENDED
              : id.equals(CLOSED) ? AccountState.CLOSED : AccountState.ACTIVE;
      String parent = parentOf[i].startsWith("r-") ? parentOf[i] : s.ous.get(parentOf[i]);
      org.account(parent, id, "member-" + i, state);
      aws.account(id).role(MEMBER_ROLE, MANAGEMENT);
      aws.account(id).region("us-east-1").fill("DescribeVpcs", 2, i);
    }
    org.tag(root, "owner", "platform").tag(member(1), "team", "core");
    return s;
  }

  public static String member(int i) {
    return String.format("2000000000%02d", i);
  }

  /** The accounts whose resources must be fetched: ACTIVE, not skipped, not the management one. */
  public static Set<String> expectedFetched() {
    Set<String> out = new TreeSet<>();
    for (int i = 1; i <= 24; i++) {
      out.add(member(i));
    }
    out.remove(SUSPENDED);
    out.remove(CLOSED);
    SKIPPED_IDS.forEach(out::remove);
    IN_SKIPPED_OU.forEach(out::remove);
    return out;
  }

  /**
   * Writes a current-layout config: the AWS source with this scenario's org block (no accounts),
   * {@code tables} (a YAML list), region us-east-1, the fake's endpoint, and a PostgreSQL
   * destination at {@code jdbcUrl} with the test database's user.
   */
  public Path writeConfig(Path file, URI endpoint, String jdbcUrl, String tables)
      throws IOException {
    return writeConfig(file, endpoint, jdbcUrl, tables, orgBlock());
  }

  /** As {@link #writeConfig(Path, URI, String, String)}, with another org block. */
  public static Path writeConfig(
      Path file, URI endpoint, String jdbcUrl, String tables, String orgBlock) throws IOException {
    Files.writeString(
        file,
        """
            kind: source
            spec:
              name: aws
              path: cloudquery/aws
              tables: %s
              destinations: ["postgresql"]
              spec:
                regions: ["us-east-1"]
                custom_endpoint_url: "%s"
            %s
            ---
            kind: destination
            spec:
              name: postgresql
              path: cloudquery/postgresql
              spec:
                connection_string: "postgres://%s:%s@%s"
            """
            .formatted(
                tables,
                endpoint,
                orgBlock.indent(4).stripTrailing(),
                TestDatabase.USER,
                TestDatabase.PASSWORD,
                jdbcUrl.substring("jdbc:postgresql://".length())));
    return file;
  }

  /** The org block (YAML lines) of the scenario's config, without indentation. */
  public String orgBlock() {
    return """
            org:
              member_role_name: %s
              skip_organization_units: ["%s"]
              skip_member_accounts: ["%s", "%s"]
            """
        .formatted(MEMBER_ROLE, ous.get("sandbox"), SKIPPED_IDS.get(0), SKIPPED_IDS.get(1));
  }
}
