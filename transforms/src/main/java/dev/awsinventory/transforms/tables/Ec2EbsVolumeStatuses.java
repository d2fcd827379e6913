package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.VolumeStatusItem;

/** aws_ec2_ebs_volume_statuses: DescribeVolumeStatus, keyed by the volume's ARN. */
public final class Ec2EbsVolumeStatuses {
  public static final Table<VolumeStatusItem> TABLE =
      Table.regional("aws_ec2_ebs_volume_statuses", VolumeStatusItem.class)
          .description("Status checks, events and actions of EBS volumes.")
          .listedBy(
              "DescribeVolumeStatus",
              ctx ->
                  ctx
                      .ec2()
                      .describeVolumeStatusPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .volumeStatuses()
                      .stream())
          .column(
              "volume_arn",
              ColumnType.TEXT,
              (v, ctx) ->
                  "arn:"
                      + ctx.partition()
                      + ":ec2:"
                      + ctx.region()
                      + ":"
                      + ctx.accountId()
                      + ":volume/"
                      + v.volumeId())
          .primaryKey("volume_arn")
          .build();

  private Ec2EbsVolumeStatuses() {}
}
