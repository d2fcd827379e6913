package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

/** aws_ec2_vpc_peering_connections: DescribeVpcPeeringConnections. */
public final class Ec2VpcPeeringConnections {
  public static final Table<VpcPeeringConnection> TABLE =
      Table.regional("aws_ec2_vpc_peering_connections", VpcPeeringConnection.class)
          .description("VPC peering connections.")
          .listedBy(
              "DescribeVpcPeeringConnections",
              ctx ->
                  ctx
                      .ec2()
                      .describeVpcPeeringConnectionsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .vpcPeeringConnections()
                      .stream())
          .arn("vpc-peering-connection", VpcPeeringConnection::vpcPeeringConnectionId)
          .build();

  private Ec2VpcPeeringConnections() {}
}
