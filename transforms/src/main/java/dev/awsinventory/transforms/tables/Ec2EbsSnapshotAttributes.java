package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.Table;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * aws_ec2_ebs_snapshot_attributes: DescribeSnapshotAttribute per snapshot, once for the
 * create-volume permissions and once for the product codes, as one row.
 */
public final class Ec2EbsSnapshotAttributes {
  public static final Table<DescribeSnapshotAttributeResponse> TABLE =
      Table.child("aws_ec2_ebs_snapshot_attributes", DescribeSnapshotAttributeResponse.class)
          .description("Who may create volumes from each snapshot, and its product codes.")
          .listedPerParent(
              "DescribeSnapshotAttribute",
              Ec2EbsSnapshots.TABLE,
              (ctx, snapshot) -> Stream.of(attributes(ctx, snapshot)))
          .parentColumn("snapshot_arn", "arn")
          .tolerating("InvalidSnapshot.NotFound")
          .primaryKey("snapshot_arn")
          .build();

  private Ec2EbsSnapshotAttributes() {}

  private static DescribeSnapshotAttributeResponse attributes(FetchContext ctx, Snapshot s) {
    DescribeSnapshotAttributeResponse permissions =
        ctx.ec2()
            .describeSnapshotAttribute(
                r ->
                    r.snapshotId(s.snapshotId())
                        .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION));
    DescribeSnapshotAttributeResponse codes =
        ctx.ec2()
            .describeSnapshotAttribute(
                r -> r.snapshotId(s.snapshotId()).attribute(SnapshotAttributeName.PRODUCT_CODES));
    return DescribeSnapshotAttributeResponse.builder()
        .snapshotId(s.snapshotId())
        .createVolumePermissions(permissions.createVolumePermissions())
        .productCodes(codes.productCodes())
        .build();
  }
}
