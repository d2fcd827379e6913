package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/** aws_ec2_route_tables: DescribeRouteTables. */
public final class Ec2RouteTables {
  public static final Table<RouteTable> TABLE =
      Table.regional("aws_ec2_route_tables", RouteTable.class)
          .description("VPC route tables, their routes and associations.")
          .listedBy(
              "DescribeRouteTables",
              ctx ->
                  ctx
                      .ec2()
                      .describeRouteTablesPaginator(r -> r.maxResults(ctx.pageSize(100)))
                      .routeTables()
                      .stream())
          .arn("route-table", RouteTable::routeTableId)
          .build();

  private Ec2RouteTables() {}
}
