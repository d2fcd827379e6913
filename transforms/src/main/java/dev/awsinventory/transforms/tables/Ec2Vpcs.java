package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** aws_ec2_vpcs: DescribeVpcs. */
public final class Ec2Vpcs {
  public static final Table<Vpc> TABLE =
      Table.regional("aws_ec2_vpcs", Vpc.class)
          .description("Virtual private clouds.")
          .listedBy(
              "DescribeVpcs",
              ctx ->
                  ctx
                      .ec2()
                      .describeVpcsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .vpcs()
                      .stream())
          .arn("vpc", Vpc::vpcId)
          .build();

  private Ec2Vpcs() {}
}
