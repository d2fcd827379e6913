package dev.awsinventory.transforms.org;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for every account discovery found, whether it is fetched and if not why (the rules of
 * CloudQuery's {@code org} block, without its silent skips): skipped by id, under a skipped OU at
 * any depth, outside {@code organization_units}, or not ACTIVE ({@code State}, else {@code
 * Status}). Fetched accounts become {@link AccountConfig#member member accounts} whose role is
 * {@code arn:<partition>:iam::<id>:role/<member_role_name>}, the partition taken from the account's
 * Organizations ARN.
 */
public final class OrgSelection {
  private OrgSelection() {}

  /** One decision per account, in discovery order. */
  public static List<AccountStatus> decide(
      OrgConfig org, OrgTree tree, String managementAccountId) {
    List<AccountStatus> out = new ArrayList<>();
    for (OrgAccount a : tree.orgAccounts()) {
      String id = a.account().id();
      List<String> ancestors = tree.ancestorsOf(id);
      String name = a.account().name() != null ? a.account().name() : id;
      boolean management = id.equals(managementAccountId);
      String skippedOu =
          ancestors.stream().filter(org.skipOrganizationUnits()::contains).findFirst().orElse(null);
      String disposition;
      String detail = null;
      if (org.skipMemberAccounts().contains(id)) {
        disposition = AccountStatus.SKIPPED;
        detail = "skip_member_accounts";
      } else if (skippedOu != null) {
        disposition = AccountStatus.SKIPPED;
        detail = "skip_organization_units " + skippedOu;
      } else if (!org.organizationUnits().isEmpty()
          && ancestors.stream().noneMatch(org.organizationUnits()::contains)) {
        disposition = AccountStatus.OUT_OF_SCOPE;
        detail = "not under organization_units";
      } else if (!"ACTIVE".equals(a.state())) {
        disposition = AccountStatus.NOT_ACTIVE;
      } else {
        disposition = AccountStatus.FETCHED;
      }
      out.add(
          new AccountStatus(id, name, a.state(), disposition, a.parentId(), management, detail));
    }
    return out;
  }

  /** The member account to fetch for a {@code fetched} decision. */
  public static AccountConfig member(
      OrgConfig org, OrgAccount a, String name, AccountConfig admin) {
    String id = a.account().id();
    String arn =
        "arn:" + partitionOf(a.account().arn()) + ":iam::" + id + ":role/" + org.memberRoleName();
    AccountConfig source = org.memberTrustedPrincipal().orElse(org.adminAccount().orElse(null));
    return AccountConfig.member(
        id,
        name,
        arn,
        org.memberRoleSessionName().orElse(null),
        org.memberExternalId().orElse(null),
        admin.defaultRegion(),
        org.memberRegions().orElse(null),
        source);
  }

  /** The partition of an ARN ({@code arn:<partition>:...}); {@code aws} when there is none. */
  static String partitionOf(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return "aws";
    }
    int end = arn.indexOf(':', 4);
    return end > 4 ? arn.substring(4, end) : "aws";
  }
}
