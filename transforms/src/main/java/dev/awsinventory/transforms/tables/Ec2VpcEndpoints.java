package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** aws_ec2_vpc_endpoints: DescribeVpcEndpoints. */
public final class Ec2VpcEndpoints {
  public static final Table<VpcEndpoint> TABLE =
      Table.regional("aws_ec2_vpc_endpoints", VpcEndpoint.class)
          .description("VPC endpoints (interface, gateway and Gateway Load Balancer endpoints).")
          .listedBy(
              "DescribeVpcEndpoints",
              ctx ->
                  ctx
                      .ec2()
                      .describeVpcEndpointsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .vpcEndpoints()
                      .stream())
          .arn("vpc-endpoint", VpcEndpoint::vpcEndpointId)
          .build();

  private Ec2VpcEndpoints() {}
}
