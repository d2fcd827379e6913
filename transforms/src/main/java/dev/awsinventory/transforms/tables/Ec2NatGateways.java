package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/** aws_ec2_nat_gateways: DescribeNatGateways. */
public final class Ec2NatGateways {
  public static final Table<NatGateway> TABLE =
      Table.regional("aws_ec2_nat_gateways", NatGateway.class)
          .description("NAT gateways.")
          .listedBy(
              "DescribeNatGateways",
              ctx ->
                  ctx
                      .ec2()
                      .describeNatGatewaysPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .natGateways()
                      .stream())
          .arn("natgateway", NatGateway::natGatewayId)
          .build();

  private Ec2NatGateways() {}
}
