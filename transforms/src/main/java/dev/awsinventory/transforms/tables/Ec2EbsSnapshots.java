package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/** aws_ec2_ebs_snapshots: DescribeSnapshots of the account's own snapshots (not public ones). */
public final class Ec2EbsSnapshots {
  public static final Table<Snapshot> TABLE =
      Table.regional("aws_ec2_ebs_snapshots", Snapshot.class)
          .description("EBS snapshots owned by the account.")
          .listedBy(
              "DescribeSnapshots",
              ctx ->
                  ctx
                      .ec2()
                      .describeSnapshotsPaginator(
                          r -> r.ownerIds("self").maxResults(ctx.pageSize(1000)))
                      .snapshots()
                      .stream())
          .arn("snapshot", Snapshot::snapshotId)
          .build();

  private Ec2EbsSnapshots() {}
}
