package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.TransitGatewayPeeringAttachment;

/**
 * aws_ec2_transit_gateway_peering_attachments: DescribeTransitGatewayPeeringAttachments per transit
 * gateway.
 */
public final class Ec2TransitGatewayPeeringAttachments {
  public static final Table<TransitGatewayPeeringAttachment> TABLE =
      Table.child(
              "aws_ec2_transit_gateway_peering_attachments", TransitGatewayPeeringAttachment.class)
          .description("Peering attachments of each transit gateway.")
          .listedPerParent(
              "DescribeTransitGatewayPeeringAttachments",
              Ec2TransitGateways.TABLE,
              (ctx, tgw) ->
                  ctx
                      .ec2()
                      .describeTransitGatewayPeeringAttachmentsPaginator(
                          r ->
                              r.maxResults(ctx.pageSize(1000))
                                  .filters(Ec2TransitGateways.idFilter(tgw)))
                      .transitGatewayPeeringAttachments()
                      .stream())
          .parentColumn("transit_gateway_arn", "arn")
          .column("id", ColumnType.TEXT, (a, ctx) -> a.transitGatewayAttachmentId())
          .primaryKey("account_id", "region", "transit_gateway_arn", "id")
          .build();

  private Ec2TransitGatewayPeeringAttachments() {}
}
