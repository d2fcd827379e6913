package dev.awsinventory.transforms.org;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Organization discovery as a plain call, used by {@link DiscoverAccounts} on a worker and by
 * {@code --plan} on the driver: with the admin account's credentials (its id from the config or
 * {@code GetCallerIdentity}), walks AWS Organizations (sequential, paced, throttling retried; the
 * whole tree when OUs are configured or organization tables are selected, else {@code
 * ListAccounts}), checks {@code organization_units} and decides every account's disposition with
 * {@link OrgSelection}. Never throws for an AWS error: a discovery that fails entirely is a {@link
 * Result} with {@link Result#error() error} set. Holds no secrets.
 */
public final class OrgDiscovery {
  private OrgDiscovery() {}

  /**
   * What discovery found.
   *
   * @param adminId the admin account's id; null when it could not be learned
   * @param admin the admin account of the {@code org} block (the default chain when none)
   * @param partition the admin account's partition ({@code aws}, {@code aws-cn}, ...)
   * @param tree the organization; null when discovery failed
   * @param accounts one decision per account, in discovery order; empty when discovery failed
   * @param members the member account to fetch for each {@code fetched} decision, in order
   * @param calls Organizations calls made (pages, not counting retries)
   * @param retries retried attempts (mostly throttled calls)
   * @param errorCode AWS's error code when discovery failed ({@code NotFound} for an unknown {@code
   *     organization_units} entry), else null
   * @param error the one-line error (account, missing permission, fix) when discovery failed, else
   *     null
   */
  public record Result(
      String adminId,
      AccountConfig admin,
      String partition,
      OrgTree tree,
      List<AccountStatus> accounts,
      List<AccountConfig> members,
      long calls,
      long retries,
      String errorCode,
      String error) {
    public boolean failed() {
      return error != null;
    }
  }

  /**
   * Discovers the organization of {@code org}'s admin account.
   *
   * @param organizationTables whether organization tables are selected (their tags are listed too)
   * @param pace the spacing of Organizations calls ({@link DiscoverAccounts#DEFAULT_PACE})
   */
  public static Result discover(
      AwsClients clients,
      AwsSettings settings,
      OrgConfig org,
      boolean organizationTables,
      Duration pace) {
    AccountConfig admin = org.adminAccount().orElse(AccountConfig.defaultChain());
    String adminId = admin.accountIdHint().orElse(null);
    String partition = settings.partitionOf(admin.defaultRegion());
    String operation = "sts:GetCallerIdentity";
    long calls = 0;
    long retries = 0;
    try {
      if (adminId == null) {
        adminId = clients.sts(admin).getCallerIdentity().account();
      }
      operation = "organizations:ListAccounts";
      boolean walk =
          organizationTables
              || !org.organizationUnits().isEmpty()
              || !org.skipOrganizationUnits().isEmpty();
      OrgTree tree;
      try (OrgClients orgClients =
          new OrgClients(settings, clients.credentials(admin), partition, pace)) {
        try {
          OrgWalker walker = new OrgWalker(orgClients.client());
          tree = walk ? walker.walk(organizationTables) : walker.listAccounts();
        } finally {
          operation = "organizations:" + orgClients.pacer().operation();
          calls = orgClients.pacer().calls();
          retries = orgClients.pacer().retries();
        }
      }
      for (String unit : org.organizationUnits()) {
        if (!tree.hasNode(unit)) {
          return failed(
              adminId,
              admin,
              partition,
              calls,
              retries,
              "NotFound",
              "organization_units: "
                  + unit
                  + " is not a root or organizational unit of the organization of account "
                  + adminId);
        }
      }
      String management = tree.accounts().isEmpty() ? null : managementOf(tree, adminId);
      Map<String, OrgAccount> byId = new HashMap<>();
      tree.orgAccounts().forEach(a -> byId.put(a.account().id(), a));
      List<AccountStatus> accounts = OrgSelection.decide(org, tree, management);
      List<AccountConfig> members = new ArrayList<>();
      for (AccountStatus s : accounts) {
        if (AccountStatus.FETCHED.equals(s.disposition())) {
          members.add(OrgSelection.member(org, byId.get(s.accountId()), s.accountName(), admin));
        }
      }
      return new Result(
          adminId,
          admin,
          partition,
          tree,
          accounts,
          List.copyOf(members),
          calls,
          retries,
          null,
          null);
    } catch (SdkException e) {
      return failed(
          adminId,
          admin,
          partition,
          calls,
          retries,
          Errors.code(e),
          error(adminId, admin, operation, e));
    }
  }

  private static Result failed(
      String adminId,
      AccountConfig admin,
      String partition,
      long calls,
      long retries,
      String code,
      String message) {
    return new Result(
        adminId, admin, partition, null, List.of(), List.of(), calls, retries, code, message);
  }

  /**
   * The management account: the account id in the accounts' ARNs ({@code
   * arn:...::<mgmt>:account/...}).
   */
  private static String managementOf(OrgTree tree, String fallback) {
    String arn = tree.accounts().get(0).arn();
    if (arn != null) {
      String[] parts = arn.split(":", -1);
      if (parts.length > 4 && parts[4].matches("\\d{12}")) {
        return parts[4];
      }
    }
    return fallback;
  }

  /** One line naming the account, the missing permission and the fix; no secrets. */
  static String error(String adminId, AccountConfig admin, String operation, SdkException e) {
    String who =
        "account "
            + (adminId != null ? adminId : admin.name())
            + (admin.roleArn().isPresent() ? " (" + admin.roleArn().get() + ")" : "");
    String code = Errors.code(e);
    if ("AWSOrganizationsNotInUseException".equals(code)) {
      return who
          + " is not a member of an AWS Organization ("
          + code
          + "); the org block needs the "
          + "organization's management account or a delegated administrator as admin_account";
    }
    if (e instanceof AwsServiceException s
        && (s.statusCode() == 403 || code.startsWith("AccessDenied"))) {
      return who
          + " may not call "
          + operation
          + " ("
          + code
          + "): the admin_account must be the "
          + "organization's management account or a delegated administrator allowed "
          + "organizations:ListAccounts, ListRoots, ListOrganizationalUnitsForParent, "
          + "ListAccountsForParent and ListTagsForResource";
    }
    return "listing the organization with "
        + who
        + " failed at "
        + operation
        + ": "
        + code
        + ": "
        + Errors.message(e);
  }
}
