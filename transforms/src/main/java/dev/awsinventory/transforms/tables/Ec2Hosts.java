package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Host;

/** aws_ec2_hosts: DescribeHosts. */
public final class Ec2Hosts {
  public static final Table<Host> TABLE =
      Table.regional("aws_ec2_hosts", Host.class)
          .description("Dedicated Hosts.")
          .listedBy(
              "DescribeHosts",
              ctx ->
                  ctx
                      .ec2()
                      .describeHostsPaginator(r -> r.maxResults(ctx.pageSize(500)))
                      .hosts()
                      .stream())
          .arn("dedicated-host", Host::hostId)
          .build();

  private Ec2Hosts() {}
}
