package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;

/** aws_ec2_vpc_endpoint_service_configurations: DescribeVpcEndpointServiceConfigurations. */
public final class Ec2VpcEndpointServiceConfigurations {
  public static final Table<ServiceConfiguration> TABLE =
      Table.regional("aws_ec2_vpc_endpoint_service_configurations", ServiceConfiguration.class)
          .description("The account's own VPC endpoint services (PrivateLink), as configured.")
          .listedBy(
              "DescribeVpcEndpointServiceConfigurations",
              ctx ->
                  ctx
                      .ec2()
                      .describeVpcEndpointServiceConfigurationsPaginator(
                          r -> r.maxResults(ctx.pageSize(1000)))
                      .serviceConfigurations()
                      .stream())
          .primaryKey("account_id", "region", "service_id")
          .build();

  private Ec2VpcEndpointServiceConfigurations() {}
}
