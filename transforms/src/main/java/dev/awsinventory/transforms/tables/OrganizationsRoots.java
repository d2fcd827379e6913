package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.org.OrgRoot;

/** aws_organizations_roots: the roots of the organization (CloudQuery's columns). */
public final class OrganizationsRoots {
  public static final Table<OrgRoot> TABLE =
      Table.organization("aws_organizations_roots", OrgRoot.class)
          .description("The roots of the AWS Organization and their enabled policy types.")
          .listedBy("ListRoots", ctx -> ctx.organization().orgRoots().stream())
          .alsoCalls("ListTagsForResource")
          .column("request_account_id", ColumnType.TEXT, (r, ctx) -> ctx.accountId())
          .column("tags", ColumnType.JSONB, (r, ctx) -> r.tags())
          .column("arn", ColumnType.TEXT, (r, ctx) -> r.root().arn())
          .column("id", ColumnType.TEXT, (r, ctx) -> r.root().id())
          .column("name", ColumnType.TEXT, (r, ctx) -> r.root().name())
          .column("policy_types", ColumnType.JSONB, (r, ctx) -> r.root().policyTypes())
          .primaryKey("request_account_id", "arn")
          .build();

  private OrganizationsRoots() {}
}
