package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteTable;

/** aws_ec2_transit_gateway_route_tables: DescribeTransitGatewayRouteTables per transit gateway. */
public final class Ec2TransitGatewayRouteTables {
  public static final Table<TransitGatewayRouteTable> TABLE =
      Table.child("aws_ec2_transit_gateway_route_tables", TransitGatewayRouteTable.class)
          .description("Route tables of each transit gateway.")
          .listedPerParent(
              "DescribeTransitGatewayRouteTables",
              Ec2TransitGateways.TABLE,
              (ctx, tgw) ->
                  ctx
                      .ec2()
                      .describeTransitGatewayRouteTablesPaginator(
                          r ->
                              r.maxResults(ctx.pageSize(1000))
                                  .filters(Ec2TransitGateways.idFilter(tgw)))
                      .transitGatewayRouteTables()
                      .stream())
          .parentColumn("transit_gateway_arn", "arn")
          .column("id", ColumnType.TEXT, (t, ctx) -> t.transitGatewayRouteTableId())
          .primaryKey("account_id", "region", "transit_gateway_arn", "id")
          .build();

  private Ec2TransitGatewayRouteTables() {}
}
