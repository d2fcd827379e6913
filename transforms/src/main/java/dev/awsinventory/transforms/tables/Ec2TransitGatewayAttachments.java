package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAttachment;

/** aws_ec2_transit_gateway_attachments: DescribeTransitGatewayAttachments per transit gateway. */
public final class Ec2TransitGatewayAttachments {
  public static final Table<TransitGatewayAttachment> TABLE =
      Table.child("aws_ec2_transit_gateway_attachments", TransitGatewayAttachment.class)
          .description(
              "Attachments of each transit gateway (VPCs, VPNs, peerings, Direct Connect gateways).")
          .listedPerParent(
              "DescribeTransitGatewayAttachments",
              Ec2TransitGateways.TABLE,
              (ctx, tgw) ->
                  ctx
                      .ec2()
                      .describeTransitGatewayAttachmentsPaginator(
                          r ->
                              r.maxResults(ctx.pageSize(1000))
                                  .filters(Ec2TransitGateways.idFilter(tgw)))
                      .transitGatewayAttachments()
                      .stream())
          .parentColumn("transit_gateway_arn", "arn")
          .column("id", ColumnType.TEXT, (a, ctx) -> a.transitGatewayAttachmentId())
          .primaryKey("account_id", "region", "transit_gateway_arn", "id")
          .build();

  private Ec2TransitGatewayAttachments() {}
}
