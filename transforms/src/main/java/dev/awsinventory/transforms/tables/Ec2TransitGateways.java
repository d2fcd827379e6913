package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TransitGateway;

/** aws_ec2_transit_gateways: DescribeTransitGateways (the ARN is the model's TransitGatewayArn). */
public final class Ec2TransitGateways {
  public static final Table<TransitGateway> TABLE =
      Table.regional("aws_ec2_transit_gateways", TransitGateway.class)
          .description("Transit gateways.")
          .listedBy(
              "DescribeTransitGateways",
              ctx ->
                  ctx
                      .ec2()
                      .describeTransitGatewaysPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .transitGateways()
                      .stream())
          .column("id", ColumnType.TEXT, (t, ctx) -> t.transitGatewayId())
          .column("arn", ColumnType.TEXT, (t, ctx) -> t.transitGatewayArn())
          .primaryKey("account_id", "region", "arn")
          .build();

  /**
   * The request filter {@code transit-gateway-id} = this gateway's id, with which the per-gateway
   * tables ask for one gateway's attachments, route tables and multicast domains.
   */
  static Filter idFilter(TransitGateway tgw) {
    return Filter.builder().name("transit-gateway-id").values(tgw.transitGatewayId()).build();
  }

  private Ec2TransitGateways() {}
}
