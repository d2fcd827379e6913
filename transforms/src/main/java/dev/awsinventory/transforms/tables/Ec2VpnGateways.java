package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.VpnGateway;

/**
 * aws_ec2_vpn_gateways: DescribeVpnGateways (one call: the action neither pages nor takes
 * MaxResults).
 */
public final class Ec2VpnGateways {
  public static final Table<VpnGateway> TABLE =
      Table.regional("aws_ec2_vpn_gateways", VpnGateway.class)
          .description("Virtual private gateways.")
          .listedBy(
              "DescribeVpnGateways", ctx -> ctx.ec2().describeVpnGateways().vpnGateways().stream())
          .arn("vpn-gateway", VpnGateway::vpnGatewayId)
          .build();

  private Ec2VpnGateways() {}
}
