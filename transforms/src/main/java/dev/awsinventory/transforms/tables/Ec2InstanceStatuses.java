package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/** aws_ec2_instance_statuses: DescribeInstanceStatus. */
public final class Ec2InstanceStatuses {
  public static final Table<InstanceStatus> TABLE =
      Table.regional("aws_ec2_instance_statuses", InstanceStatus.class)
          .description("Status checks and scheduled events of EC2 instances.")
          .listedBy(
              "DescribeInstanceStatus",
              ctx ->
                  ctx
                      .ec2()
                      .describeInstanceStatusPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .instanceStatuses()
                      .stream())
          .primaryKey("account_id", "region", "instance_id")
          .build();

  private Ec2InstanceStatuses() {}
}
