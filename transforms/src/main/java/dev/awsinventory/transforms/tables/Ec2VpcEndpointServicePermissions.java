package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;

/**
 * aws_ec2_vpc_endpoint_service_permissions: DescribeVpcEndpointServicePermissions per endpoint
 * service. Only a service's owner may describe its permissions, so services owned by Amazon or by
 * another account (a 12-digit owner other than the fetched account) are not asked about: a
 * selection that saves a call per AWS service, not error handling. A service deleted between the
 * two calls is tolerated (the declaration's {@code tolerating}); every other error fails the slice.
 */
public final class Ec2VpcEndpointServicePermissions {
  public static final Table<AllowedPrincipal> TABLE =
      Table.child("aws_ec2_vpc_endpoint_service_permissions", AllowedPrincipal.class)
          .description(
              "Principals allowed to connect to each of the account's endpoint services; "
                  + "service_id is the parent service's.")
          .listedPerParent(
              "DescribeVpcEndpointServicePermissions",
              Ec2VpcEndpointServices.TABLE,
              (ctx, s) ->
                  ownedByOther(s.owner(), ctx.accountId())
                      ? Stream.empty()
                      : ctx
                          .ec2()
                          .describeVpcEndpointServicePermissionsPaginator(
                              r -> r.serviceId(s.serviceId()).maxResults(ctx.pageSize(1000)))
                          .allowedPrincipals()
                          .stream())
          .parentColumn("service_id", "service_id")
          .tolerating("InvalidVpcEndpointServiceId.NotFound")
          .primaryKey("account_id", "service_id", "service_permission_id")
          .build();

  private Ec2VpcEndpointServicePermissions() {}

  private static boolean ownedByOther(String owner, String accountId) {
    return "amazon".equals(owner)
        || (owner != null && owner.matches("\\d{12}") && !owner.equals(accountId));
  }
}
