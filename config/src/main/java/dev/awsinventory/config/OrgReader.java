package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the AWS source's {@code org} block into an {@link OrgConfig}. Id formats are those of the
 * AWS Organizations API reference: OU ids {@code ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}}, root ids {@code
 * r-[0-9a-z]{4,32}}, account ids of 12 digits; role names are IAM role names (1 to 64 of letters,
 * digits and {@code +=,.@_-}).
 */
final class OrgReader {
  static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
  static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
  static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

  private OrgReader() {}

  /** The {@code org} block at {@code node}; fails at the first key that breaks a rule. */
  static OrgConfig read(YamlNode node, List<String> regions) throws ConfigException {
    YamlMap m = ConfigBlock.ORG.check(node);
    YamlNode roleNode = m.require("member_role_name");
    String roleName = roleNode.string().trim();
    if (!ROLE_NAME.matcher(roleName).matches()) {
      throw roleNode.error(
          "'"
              + roleName
              + "' is not an IAM role name: 1 to 64 letters, digits"
              + " or +=,.@_- (the role NAME, not its ARN)");
    }
    OrgConfig.Builder b = OrgConfig.builder(roleName);
    Optional<YamlNode> admin = m.get("admin_account");
    if (admin.isPresent()) {
      b.adminAccount(AccountReader.orgAccount(admin.get(), "admin_account", regions));
    }
    Optional<YamlNode> principal = m.get("member_trusted_principal");
    if (principal.isPresent()) {
      b.memberTrustedPrincipal(
          AccountReader.orgAccount(principal.get(), "member_trusted_principal", regions));
    }
    b.memberRoleSessionName(
        AccountReader.checked(
            m,
            "member_role_session_name",
            AccountReader.SESSION_NAME,
            AccountReader.SESSION_NAME_RULE));
    b.memberExternalId(
        AccountReader.checked(
            m, "member_external_id", AccountReader.EXTERNAL_ID, AccountReader.EXTERNAL_ID_RULE));
    if (m.get("member_regions").isPresent()) {
      b.memberRegions(RegionList.read(m.stringList("member_regions")));
    }
    b.organizationUnits(ids(m, "organization_units", true));
    b.skipOrganizationUnits(ids(m, "skip_organization_units", false));
    b.skipMemberAccounts(accountIds(m));
    return b.build();
  }

  private static List<String> ids(YamlMap m, String key, boolean rootsToo) throws ConfigException {
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode item : m.stringList(key)) {
      String id = item.string().trim();
      boolean ok = OU_ID.matcher(id).matches() || (rootsToo && ROOT_ID.matcher(id).matches());
      if (!ok) {
        throw item.error(
            "'"
                + id
                + "' is not an organizational unit id (ou-xxxx-xxxxxxxx"
                + (rootsToo ? ") or root id (r-xxxx)" : ")"));
      }
      ids.add(id);
    }
    return new ArrayList<>(ids);
  }

  private static List<String> accountIds(YamlMap m) throws ConfigException {
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode item : m.stringList("skip_member_accounts")) {
      String id = item.string().trim();
      if (!ACCOUNT_ID.matcher(id).matches()) {
        throw item.error("'" + id + "' is not an AWS account id (12 digits)");
      }
      ids.add(id);
    }
    return new ArrayList<>(ids);
  }
}
