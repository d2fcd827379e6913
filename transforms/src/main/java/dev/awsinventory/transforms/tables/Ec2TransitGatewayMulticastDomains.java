package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.TransitGatewayMulticastDomain;

/**
 * aws_ec2_transit_gateway_multicast_domains: DescribeTransitGatewayMulticastDomains per transit
 * gateway.
 */
public final class Ec2TransitGatewayMulticastDomains {
  public static final Table<TransitGatewayMulticastDomain> TABLE =
      Table.child("aws_ec2_transit_gateway_multicast_domains", TransitGatewayMulticastDomain.class)
          .description("Multicast domains of each transit gateway.")
          .listedPerParent(
              "DescribeTransitGatewayMulticastDomains",
              Ec2TransitGateways.TABLE,
              (ctx, tgw) ->
                  ctx
                      .ec2()
                      .describeTransitGatewayMulticastDomainsPaginator(
                          r ->
                              r.maxResults(ctx.pageSize(1000))
                                  .filters(Ec2TransitGateways.idFilter(tgw)))
                      .transitGatewayMulticastDomains()
                      .stream())
          .parentColumn("transit_gateway_arn", "arn")
          .column("arn", ColumnType.TEXT, (d, ctx) -> d.transitGatewayMulticastDomainArn())
          .primaryKey("account_id", "region", "transit_gateway_arn", "arn")
          .build();

  private Ec2TransitGatewayMulticastDomains() {}
}
