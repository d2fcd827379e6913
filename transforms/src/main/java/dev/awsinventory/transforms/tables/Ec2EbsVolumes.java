package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Volume;

/** aws_ec2_ebs_volumes: DescribeVolumes. */
public final class Ec2EbsVolumes {
  public static final Table<Volume> TABLE =
      Table.regional("aws_ec2_ebs_volumes", Volume.class)
          .description("EBS volumes.")
          .listedBy(
              "DescribeVolumes",
              ctx ->
                  ctx
                      .ec2()
                      .describeVolumesPaginator(r -> r.maxResults(ctx.pageSize(500)))
                      .volumes()
                      .stream())
          .arn("volume", Volume::volumeId)
          .build();

  private Ec2EbsVolumes() {}
}
