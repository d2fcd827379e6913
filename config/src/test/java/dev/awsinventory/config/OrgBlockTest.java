package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgBlockTest {
  @TempDir Path dir;

  private static final String ORG =
      """
      org:
        admin_account:
          local_profile: management
          role_arn: arn:aws:iam::111111111111:role/OrgReader
          external_id: admin-secret-id
          role_session_name: inventory-admin
          default_region: eu-west-1
        member_role_name: CloudQueryFetchRole
        member_trusted_principal:
          role_arn: arn:aws:iam::222222222222:role/Hub
        member_role_session_name: inventory
        member_external_id: member-secret-id
        member_regions: [eu-west-1, "us-*"]
        organization_units: [ou-ab12-cdef3456, r-ab12]
        skip_organization_units: [ou-ab12-99999999]
        skip_member_accounts: ["333333333333", "444444444444"]
      """;

  private static String legacy(String org) {
    return "providers:\n  - name: aws\n    configuration:\n      regions: [us-east-1]\n"
        + org.indent(6);
  }

  private static String current(String org) {
    return "kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  tables: [\"*\"]\n"
        + "  spec:\n    regions: [us-east-1]\n"
        + org.indent(4);
  }

  private static OrgConfig expected() {
    return OrgConfig.builder("CloudQueryFetchRole")
        .adminAccount(
            new AccountConfig(
                "111111111111",
                null,
                "arn:aws:iam::111111111111:role/OrgReader",
                "inventory-admin",
                "admin-secret-id",
                "management",
                "eu-west-1",
                null,
                "111111111111"))
        .memberTrustedPrincipal(
            new AccountConfig(
                "222222222222",
                null,
                "arn:aws:iam::222222222222:role/Hub",
                null,
                null,
                null,
                "us-east-1",
                null,
                "222222222222"))
        .memberRoleSessionName("inventory")
        .memberExternalId("member-secret-id")
        .memberRegions(List.of("eu-west-1", "us-*"))
        .organizationUnits(List.of("ou-ab12-cdef3456", "r-ab12"))
        .skipOrganizationUnits(List.of("ou-ab12-99999999"))
        .skipMemberAccounts(List.of("333333333333", "444444444444"))
        .build();
  }

  @Test
  void legacyLayoutReadsEveryKey() throws Exception {
    InventoryConfig config = TempConfig.load(dir, legacy(ORG));
    assertThat(config.org()).contains(expected());
    assertThat(config.accounts()).isEmpty();
  }

  @Test
  void currentLayoutReadsEveryKey() throws Exception {
    InventoryConfig config = TempConfig.load(dir, current(ORG));
    assertThat(config.org()).contains(expected());
  }

  @Test
  void onlyTheRoleNameIsRequired() throws Exception {
    OrgConfig org =
        TempConfig.load(dir, legacy("org:\n  member_role_name: Fetch\n")).org().orElseThrow();
    assertThat(org).isEqualTo(OrgConfig.builder("Fetch").build());
    assertThat(org.adminAccount()).isEmpty();
    assertThat(org.memberRegions()).isEmpty();
    assertThat(org.organizationUnits()).isEmpty();
  }

  @Test
  void anAdminAccountWithOnlyARegionIsTheDefaultChain() throws Exception {
    OrgConfig org =
        TempConfig.load(
                dir,
                current(
                    "org:\n  member_role_name: Fetch\n  admin_account:\n    default_region: us-gov-west-1\n"))
            .org()
            .orElseThrow();
    AccountConfig admin = org.adminAccount().orElseThrow();
    assertThat(admin.name()).isEqualTo("admin_account");
    assertThat(admin.defaultRegion()).isEqualTo("us-gov-west-1");
    assertThat(admin.roleArn()).isEmpty();
  }

  @Test
  void withoutAnOrgBlockThereIsNone() throws Exception {
    assertThat(TempConfig.load(dir, legacy("")).org()).isEmpty();
  }

  @Test
  void externalIdsStayOutOfToString() throws Exception {
    String text = TempConfig.load(dir, legacy(ORG)).toString();
    assertThat(text)
        .contains("member_role_name=CloudQueryFetchRole")
        .doesNotContain("admin-secret-id")
        .doesNotContain("member-secret-id");
  }

  /** The org block (indented under the AWS options), the error's line:column, key and message. */
  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      "org:\\n  admin_account: {local_profile: p}"                 | 6:9   | org: missing required key 'member_role_name'
      "org:\\n  member_role_name: arn:aws:iam::1:role/x"           | 6:27  | org.member_role_name: 'arn:aws:iam::1:role/x' is not an IAM role name
      "org:\\n  member_role_name: ''"                               | 6:27  | org.member_role_name: '' is not an IAM role name
      "org:\\n  member_role_name: R\\n  organization_units: [ou-1-2]" | 7:30 | org.organization_units[0]: 'ou-1-2' is not an organizational unit id (ou-xxxx-xxxxxxxx) or root id (r-xxxx)
      "org:\\n  member_role_name: R\\n  organization_units: [R-AB12]" | 7:30 | org.organization_units[0]: 'R-AB12' is not an organizational unit id
      "org:\\n  member_role_name: R\\n  skip_organization_units: [r-ab12]" | 7:35 | org.skip_organization_units[0]: 'r-ab12' is not an organizational unit id (ou-xxxx-xxxxxxxx)
      "org:\\n  member_role_name: R\\n  skip_member_accounts: [12345]" | 7:32 | org.skip_member_accounts[0]: '12345' is not an AWS account id (12 digits)
      "org:\\n  member_role_name: R\\n  member_regions: [us-est-1]"  | 7:26  | org.member_regions[0]: unknown region 'us-est-1'
      "org:\\n  member_role_name: R\\n  member_role_session_name: x"  | 7:35 | org.member_role_session_name: must be 2 to 64 letters
      "org:\\n  member_role_name: R\\n  member_external_id: 'a b'"  | 7:29  | org.member_external_id: must be 2 to 1224 letters
      "org:\\n  member_role_name: R\\n  admin_account: {id: '111111111111'}" | 7:25 | org.admin_account.id: unknown key 'id'
      "org:\\n  member_role_name: R\\n  admin_account: {role_arn: 'arn:aws:iam::1:role/x'}" | 7:35 | org.admin_account.role_arn: malformed role ARN
      "org:\\n  member_role_name: R\\n  member_trusted_principal: {default_region: eu-wst-1}" | 7:52 | org.member_trusted_principal.default_region: unknown region 'eu-wst-1'
      "org:\\n  member_role_name: R\\n  member_role_nam: R"           | 7:9   | org.member_role_nam: unknown key 'member_role_nam' (did you mean 'member_role_name'?)
      "org:\\n  member_role_name: R\\n  organisation_units: []"      | 7:9   | org.organisation_units: unknown key 'organisation_units' (did you mean 'organization_units'?)
      "org: [a]"                                                      | 5:12  | org: expected a map, got a list
      "accounts: [{id: '111111111111'}]\\norg:\\n  member_role_name: R" | 6:7  | org: set either org
      """)
  void eachRuleFailsAtItsKey(String org, String location, String message) throws Exception {
    String block = org.replace("\\n", "\n") + "\n";
    ConfigException e = TempConfig.error(dir, legacy(block));
    String prefix = "providers[0].configuration.";
    assertThat(e.getMessage()).contains(prefix + message).doesNotContain("\n");
    assertThat(e.line() + ":" + e.column()).isEqualTo(location);
    assertThat(e.getMessage()).doesNotContain("admin-secret-id");
  }

  @Test
  void orgWithAccountsFailsInTheCurrentLayoutToo() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir, current("accounts:\n  - id: \"111111111111\"\norg:\n  member_role_name: R\n"));
    assertThat(e.getMessage()).contains("spec.spec.org: set either org").contains(":10:5:");
  }
}
