package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.VpcEndpointConnection;

/** aws_ec2_vpc_endpoint_connections: DescribeVpcEndpointConnections. */
public final class Ec2VpcEndpointConnections {
  public static final Table<VpcEndpointConnection> TABLE =
      Table.regional("aws_ec2_vpc_endpoint_connections", VpcEndpointConnection.class)
          .description("Connections of VPC endpoints to the account's endpoint services.")
          .listedBy(
              "DescribeVpcEndpointConnections",
              ctx ->
                  ctx
                      .ec2()
                      .describeVpcEndpointConnectionsPaginator(
                          r -> r.maxResults(ctx.pageSize(1000)))
                      .vpcEndpointConnections()
                      .stream())
          .primaryKey("account_id", "region", "vpc_endpoint_connection_id", "vpc_endpoint_owner")
          .build();

  private Ec2VpcEndpointConnections() {}
}
