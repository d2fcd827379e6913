package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.org.OrgAccount;

/**
 * aws_organizations_accounts: every account of the organization, from the admin account.
 * CloudQuery's columns (its {@code aws_organizations_accounts}) plus {@code state} (the successor
 * of {@code status}) and {@code parent_id} (the root or OU directly above the account).
 */
public final class OrganizationsAccounts {
  public static final Table<OrgAccount> TABLE =
      Table.organization("aws_organizations_accounts", OrgAccount.class)
          .description(
              "The accounts of the AWS Organization, with their state and their parent root or OU.")
          .listedBy("ListAccountsForParent", ctx -> ctx.organization().orgAccounts().stream())
          .alsoCalls("ListTagsForResource")
          .column("request_account_id", ColumnType.TEXT, (a, ctx) -> ctx.accountId())
          .column("tags", ColumnType.JSONB, (a, ctx) -> a.tags())
          .column("arn", ColumnType.TEXT, (a, ctx) -> a.account().arn())
          .column("email", ColumnType.TEXT, (a, ctx) -> a.account().email())
          .column("id", ColumnType.TEXT, (a, ctx) -> a.account().id())
          .column("joined_method", ColumnType.TEXT, (a, ctx) -> a.account().joinedMethodAsString())
          .column(
              "joined_timestamp", ColumnType.TIMESTAMPTZ, (a, ctx) -> a.account().joinedTimestamp())
          .column("name", ColumnType.TEXT, (a, ctx) -> a.account().name())
          .column("status", ColumnType.TEXT, (a, ctx) -> a.account().statusAsString())
          .column("state", ColumnType.TEXT, (a, ctx) -> a.state())
          .column("parent_id", ColumnType.TEXT, (a, ctx) -> a.parentId())
          .primaryKey("request_account_id", "arn")
          .build();

  private OrganizationsAccounts() {}
}
