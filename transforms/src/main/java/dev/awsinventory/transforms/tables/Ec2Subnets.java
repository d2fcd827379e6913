package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * aws_ec2_subnets: DescribeSubnets. A subnet shared through RAM is listed by its owner and by every
 * participant: {@code arn} is the subnet's own SubnetArn (the owner's, as in CloudQuery), and the
 * key starts with the listing account and region (CloudQuery's request_account_id /
 * request_region), so each account that sees the subnet has its own row.
 */
public final class Ec2Subnets {
  public static final Table<Subnet> TABLE =
      Table.regional("aws_ec2_subnets", Subnet.class)
          .description("VPC subnets.")
          .listedBy(
              "DescribeSubnets",
              ctx ->
                  ctx
                      .ec2()
                      .describeSubnetsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .subnets()
                      .stream())
          .arn(Subnet::subnetArn, "subnet", Subnet::subnetId)
          .column("request_account_id", ColumnType.TEXT, (s, ctx) -> ctx.accountId())
          .column("request_region", ColumnType.TEXT, (Subnet s, RowContext ctx) -> ctx.region())
          .primaryKey("request_account_id", "request_region", "arn")
          .build();

  private Ec2Subnets() {}
}
