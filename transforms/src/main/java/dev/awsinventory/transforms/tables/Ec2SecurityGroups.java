package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** aws_ec2_security_groups: DescribeSecurityGroups. */
public final class Ec2SecurityGroups {
  public static final Table<SecurityGroup> TABLE =
      Table.regional("aws_ec2_security_groups", SecurityGroup.class)
          .description("Security groups and their rules.")
          .listedBy(
              "DescribeSecurityGroups",
              ctx ->
                  ctx
                      .ec2()
                      .describeSecurityGroupsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .securityGroups()
                      .stream())
          .arn("security-group", SecurityGroup::groupId)
          .build();

  private Ec2SecurityGroups() {}
}
