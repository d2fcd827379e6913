package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.model.ResourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ProductCode;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

class Ec2EbsSnapshotAttributesTest {
  private final List<DescribeSnapshotAttributeRequest> requests = new ArrayList<>();

  /** Each call answers only the attribute asked for, as EC2 does. */
  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeSnapshotAttributeResponse describeSnapshotAttribute(
            DescribeSnapshotAttributeRequest r) {
          requests.add(r);
          DescribeSnapshotAttributeResponse.Builder out =
              DescribeSnapshotAttributeResponse.builder().snapshotId(r.snapshotId());
          if (r.attribute() == SnapshotAttributeName.CREATE_VOLUME_PERMISSION) {
            out.createVolumePermissions(
                CreateVolumePermission.builder().userId("111122223333").build(),
                CreateVolumePermission.builder().group("all").build());
          } else if (r.snapshotId().equals("snap-1")) {
            out.productCodes(
                ProductCode.builder().productCodeId("pc-1").productCodeType("marketplace").build());
          }
          return out.build();
        }
      };

  @Test
  void combinesBothAttributeCallsIntoOneRowPerSnapshot() {
    Snapshot first = Snapshot.builder().snapshotId("snap-1").build();
    Snapshot second = Snapshot.builder().snapshotId("snap-2").build();
    ResourceRow firstRow = StubContext.parentRow(Ec2EbsSnapshots.TABLE, first);

    List<Map<String, String>> rows = new ArrayList<>();
    rows.addAll(StubContext.childRows(Ec2EbsSnapshotAttributes.TABLE, ec2, first, firstRow));
    rows.addAll(
        StubContext.childRows(
            Ec2EbsSnapshotAttributes.TABLE,
            ec2,
            second,
            StubContext.parentRow(Ec2EbsSnapshots.TABLE, second)));

    assertThat(rows).hasSize(2);
    Map<String, String> row = rows.get(0);
    assertThat(row)
        .containsEntry("snapshot_id", "snap-1")
        .containsEntry("snapshot_arn", "arn:aws:ec2:eu-west-1:123456789012:snapshot/snap-1")
        .containsEntry(
            "create_volume_permissions", "[{\"UserId\":\"111122223333\"},{\"Group\":\"all\"}]")
        .containsEntry(
            "product_codes", "[{\"ProductCodeId\":\"pc-1\",\"ProductCodeType\":\"marketplace\"}]")
        .containsEntry("_cq_parent_id", firstRow.value(0));
    assertThat(rows.get(1))
        .containsEntry("snapshot_arn", "arn:aws:ec2:eu-west-1:123456789012:snapshot/snap-2")
        .containsEntry("product_codes", "[]");
    assertThat(requests)
        .extracting(r -> r.snapshotId() + " " + r.attribute())
        .containsExactly(
            "snap-1 createVolumePermission", "snap-1 productCodes",
            "snap-2 createVolumePermission", "snap-2 productCodes");
  }
}
