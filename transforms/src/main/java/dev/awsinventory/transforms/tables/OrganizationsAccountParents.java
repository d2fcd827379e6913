package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.org.OrgAccount;
import java.util.stream.Stream;

/**
 * aws_organizations_account_parents: the root or OU directly above each account: {@code id} the
 * account, {@code parent_id} and {@code type} its parent (CloudQuery's child table of
 * aws_organizations_accounts, there from ListParents; here from the walk, ListAccountsForParent per
 * root and OU).
 */
public final class OrganizationsAccountParents {
  public static final Table<OrgAccount> TABLE =
      Table.child("aws_organizations_account_parents", OrgAccount.class)
          .description(
              "The root or organizational unit directly above each account of the organization.")
          .listedPerParent(
              "ListAccountsForParent",
              OrganizationsAccounts.TABLE,
              (ctx, a) -> a.parentId() == null ? Stream.empty() : Stream.of(a))
          .column("request_account_id", ColumnType.TEXT, (a, ctx) -> ctx.accountId())
          .parentColumn("id", "id")
          .column("parent_id", ColumnType.TEXT, (a, ctx) -> a.parentId())
          .column("type", ColumnType.TEXT, (a, ctx) -> a.parentType())
          .primaryKey("request_account_id", "id", "parent_id")
          .build();

  private OrganizationsAccountParents() {}
}
