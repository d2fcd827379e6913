package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;

/** aws_ec2_network_acls: DescribeNetworkAcls. */
public final class Ec2NetworkAcls {
  public static final Table<NetworkAcl> TABLE =
      Table.regional("aws_ec2_network_acls", NetworkAcl.class)
          .description("Network ACLs and their entries.")
          .listedBy(
              "DescribeNetworkAcls",
              ctx ->
                  ctx
                      .ec2()
                      .describeNetworkAclsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .networkAcls()
                      .stream())
          .arn("network-acl", NetworkAcl::networkAclId)
          .build();

  private Ec2NetworkAcls() {}
}
