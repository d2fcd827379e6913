package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.Table;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

/**
 * aws_ec2_vpc_endpoint_services: DescribeVpcEndpointServices, every service the account can connect
 * to (AWS's, its own and those shared with it). The SDK has no paginator for it, so pages are
 * followed here.
 */
public final class Ec2VpcEndpointServices {
  public static final Table<ServiceDetail> TABLE =
      Table.regional("aws_ec2_vpc_endpoint_services", ServiceDetail.class)
          .description("VPC endpoint services the account can create endpoints for.")
          .listedBy(
              "DescribeVpcEndpointServices",
              ctx ->
                  Stream.iterate(
                          page(ctx, null),
                          p -> p != null,
                          p ->
                              p.nextToken() == null || p.nextToken().isEmpty()
                                  ? null
                                  : page(ctx, p.nextToken()))
                      .flatMap(p -> p.serviceDetails().stream()))
          .primaryKey("account_id", "region", "service_id")
          .build();

  private Ec2VpcEndpointServices() {}

  private static DescribeVpcEndpointServicesResponse page(FetchContext ctx, String token) {
    return ctx.ec2()
        .describeVpcEndpointServices(r -> r.maxResults(ctx.pageSize(1000)).nextToken(token));
  }
}
