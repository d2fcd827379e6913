package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.CustomerGateway;

/** aws_ec2_customer_gateways: DescribeCustomerGateways (not paginated). */
public final class Ec2CustomerGateways {
  public static final Table<CustomerGateway> TABLE =
      Table.regional("aws_ec2_customer_gateways", CustomerGateway.class)
          .description("Customer gateways of site-to-site VPN connections.")
          .listedBy(
              "DescribeCustomerGateways",
              ctx -> ctx.ec2().describeCustomerGateways().customerGateways().stream())
          .arn("customer-gateway", CustomerGateway::customerGatewayId)
          .build();

  private Ec2CustomerGateways() {}
}
