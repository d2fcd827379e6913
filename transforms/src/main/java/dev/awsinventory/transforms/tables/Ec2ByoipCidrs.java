package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.ByoipCidr;

/** aws_ec2_byoip_cidrs: DescribeByoipCidrs. */
public final class Ec2ByoipCidrs {
  public static final Table<ByoipCidr> TABLE =
      Table.regional("aws_ec2_byoip_cidrs", ByoipCidr.class)
          .description("Address ranges brought to AWS (BYOIP).")
          .listedBy(
              "DescribeByoipCidrs",
              ctx ->
                  ctx
                      .ec2()
                      .describeByoipCidrsPaginator(r -> r.maxResults(ctx.pageSize(100)))
                      .byoipCidrs()
                      .stream())
          .primaryKey("account_id", "region", "cidr")
          .build();

  private Ec2ByoipCidrs() {}
}
