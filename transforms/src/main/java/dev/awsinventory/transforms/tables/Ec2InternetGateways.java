package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.InternetGateway;

/** aws_ec2_internet_gateways: DescribeInternetGateways. */
public final class Ec2InternetGateways {
  public static final Table<InternetGateway> TABLE =
      Table.regional("aws_ec2_internet_gateways", InternetGateway.class)
          .description("Internet gateways.")
          .listedBy(
              "DescribeInternetGateways",
              ctx ->
                  ctx
                      .ec2()
                      .describeInternetGatewaysPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .internetGateways()
                      .stream())
          .arn("internet-gateway", InternetGateway::internetGatewayId)
          .build();

  private Ec2InternetGateways() {}
}
