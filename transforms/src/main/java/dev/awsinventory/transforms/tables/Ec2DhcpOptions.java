package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;

/** aws_ec2_dhcp_options: DescribeDhcpOptions. */
public final class Ec2DhcpOptions {
  public static final Table<DhcpOptions> TABLE =
      Table.regional("aws_ec2_dhcp_options", DhcpOptions.class)
          .description("DHCP option sets.")
          .listedBy(
              "DescribeDhcpOptions",
              ctx ->
                  ctx
                      .ec2()
                      .describeDhcpOptionsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .dhcpOptions()
                      .stream())
          .primaryKey("account_id", "region", "dhcp_options_id")
          .build();

  private Ec2DhcpOptions() {}
}
