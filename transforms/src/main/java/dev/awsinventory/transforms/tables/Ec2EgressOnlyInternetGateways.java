package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.EgressOnlyInternetGateway;

/** aws_ec2_egress_only_internet_gateways: DescribeEgressOnlyInternetGateways. */
public final class Ec2EgressOnlyInternetGateways {
  public static final Table<EgressOnlyInternetGateway> TABLE =
      Table.regional("aws_ec2_egress_only_internet_gateways", EgressOnlyInternetGateway.class)
          .description("Egress-only internet gateways (outbound IPv6).")
          .listedBy(
              "DescribeEgressOnlyInternetGateways",
              ctx ->
                  ctx
                      .ec2()
                      .describeEgressOnlyInternetGatewaysPaginator(
                          r -> r.maxResults(ctx.pageSize(255)))
                      .egressOnlyInternetGateways()
                      .stream())
          .arn(
              "egress-only-internet-gateway",
              EgressOnlyInternetGateway::egressOnlyInternetGatewayId)
          .build();

  private Ec2EgressOnlyInternetGateways() {}
}
