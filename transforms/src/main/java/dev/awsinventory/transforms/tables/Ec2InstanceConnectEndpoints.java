package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Ec2InstanceConnectEndpoint;

/** aws_ec2_instance_connect_endpoints: DescribeInstanceConnectEndpoints. */
public final class Ec2InstanceConnectEndpoints {
  public static final Table<Ec2InstanceConnectEndpoint> TABLE =
      Table.regional("aws_ec2_instance_connect_endpoints", Ec2InstanceConnectEndpoint.class)
          .description("EC2 Instance Connect Endpoints.")
          .listedBy(
              "DescribeInstanceConnectEndpoints",
              ctx ->
                  ctx
                      .ec2()
                      .describeInstanceConnectEndpointsPaginator(
                          r -> r.maxResults(ctx.pageSize(50)))
                      .instanceConnectEndpoints()
                      .stream())
          .column("arn", ColumnType.TEXT, (e, ctx) -> e.instanceConnectEndpointArn())
          .column("request_account_id", ColumnType.TEXT, (e, ctx) -> ctx.accountId())
          .column(
              "request_region",
              ColumnType.TEXT,
              (Ec2InstanceConnectEndpoint e, RowContext ctx) -> ctx.region())
          .primaryKey("request_account_id", "request_region", "arn")
          .build();

  private Ec2InstanceConnectEndpoints() {}
}
