package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.TransitGatewayVpcAttachment;

/**
 * aws_ec2_transit_gateway_vpc_attachments: DescribeTransitGatewayVpcAttachments per transit
 * gateway.
 */
public final class Ec2TransitGatewayVpcAttachments {
  public static final Table<TransitGatewayVpcAttachment> TABLE =
      Table.child("aws_ec2_transit_gateway_vpc_attachments", TransitGatewayVpcAttachment.class)
          .description("VPC attachments of each transit gateway.")
          .listedPerParent(
              "DescribeTransitGatewayVpcAttachments",
              Ec2TransitGateways.TABLE,
              (ctx, tgw) ->
                  ctx
                      .ec2()
                      .describeTransitGatewayVpcAttachmentsPaginator(
                          r ->
                              r.maxResults(ctx.pageSize(1000))
                                  .filters(Ec2TransitGateways.idFilter(tgw)))
                      .transitGatewayVpcAttachments()
                      .stream())
          .parentColumn("transit_gateway_arn", "arn")
          .column("id", ColumnType.TEXT, (a, ctx) -> a.transitGatewayAttachmentId())
          .primaryKey("account_id", "region", "transit_gateway_arn", "id")
          .build();

  private Ec2TransitGatewayVpcAttachments() {}
}
