package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/** aws_ec2_instance_types: DescribeInstanceTypes, the instance types offered in each region. */
public final class Ec2InstanceTypes {
  public static final Table<InstanceTypeInfo> TABLE =
      Table.regional("aws_ec2_instance_types", InstanceTypeInfo.class)
          .description("Instance types available in the region.")
          .listedBy(
              "DescribeInstanceTypes",
              ctx ->
                  ctx
                      .ec2()
                      .describeInstanceTypesPaginator(r -> r.maxResults(ctx.pageSize(100)))
                      .instanceTypes()
                      .stream())
          .primaryKey("account_id", "region", "instance_type")
          .build();

  private Ec2InstanceTypes() {}
}
