package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.VpnConnection;

/**
 * aws_ec2_vpn_connections: DescribeVpnConnections (one call: the action neither pages nor takes
 * MaxResults).
 */
public final class Ec2VpnConnections {
  public static final Table<VpnConnection> TABLE =
      Table.regional("aws_ec2_vpn_connections", VpnConnection.class)
          .description("Site-to-Site VPN connections.")
          .listedBy(
              "DescribeVpnConnections",
              ctx -> ctx.ec2().describeVpnConnections().vpnConnections().stream())
          .primaryKey("account_id", "region", "vpn_connection_id")
          .build();

  private Ec2VpnConnections() {}
}
