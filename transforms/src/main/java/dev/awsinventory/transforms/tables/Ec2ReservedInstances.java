package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;

/**
 * aws_ec2_reserved_instances: DescribeReservedInstances (not paginated; one call returns them all).
 */
public final class Ec2ReservedInstances {
  public static final Table<ReservedInstances> TABLE =
      Table.regional("aws_ec2_reserved_instances", ReservedInstances.class)
          .description("Reserved Instances purchased in the account.")
          .listedBy(
              "DescribeReservedInstances",
              ctx -> ctx.ec2().describeReservedInstances().reservedInstances().stream())
          .arn("reserved-instance", ReservedInstances::reservedInstancesId)
          .build();

  private Ec2ReservedInstances() {}
}
