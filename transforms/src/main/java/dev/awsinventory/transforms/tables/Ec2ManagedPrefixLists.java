package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;

/**
 * aws_ec2_managed_prefix_lists: DescribeManagedPrefixLists (AWS-managed lists appear in every
 * account).
 */
public final class Ec2ManagedPrefixLists {
  public static final Table<ManagedPrefixList> TABLE =
      Table.regional("aws_ec2_managed_prefix_lists", ManagedPrefixList.class)
          .description("Managed prefix lists, the account's own and AWS-managed ones.")
          .listedBy(
              "DescribeManagedPrefixLists",
              ctx ->
                  ctx
                      .ec2()
                      .describeManagedPrefixListsPaginator(r -> r.maxResults(ctx.pageSize(100)))
                      .prefixLists()
                      .stream())
          .column("arn", ColumnType.TEXT, (p, ctx) -> p.prefixListArn())
          .column("request_account_id", ColumnType.TEXT, (p, ctx) -> ctx.accountId())
          .column(
              "request_region",
              ColumnType.TEXT,
              (ManagedPrefixList p, RowContext ctx) -> ctx.region())
          .primaryKey("request_account_id", "request_region", "arn")
          .build();

  private Ec2ManagedPrefixLists() {}
}
