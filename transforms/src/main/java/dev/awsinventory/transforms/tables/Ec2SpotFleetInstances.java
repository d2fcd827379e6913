package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.Table;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.ActiveInstance;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesResponse;

/**
 * aws_ec2_spot_fleet_instances: DescribeSpotFleetInstances per Spot Fleet request. The SDK has no
 * paginator for this action, so its pages are followed here, lazily, by NextToken.
 */
public final class Ec2SpotFleetInstances {
  public static final Table<ActiveInstance> TABLE =
      Table.child("aws_ec2_spot_fleet_instances", ActiveInstance.class)
          .description("The running instances of each Spot Fleet request.")
          .listedPerParent(
              "DescribeSpotFleetInstances",
              Ec2SpotFleetRequests.TABLE,
              (ctx, fleet) ->
                  Stream.iterate(
                          page(ctx, fleet.spotFleetRequestId(), null),
                          Objects::nonNull,
                          p ->
                              p.nextToken() == null || p.nextToken().isEmpty()
                                  ? null
                                  : page(ctx, fleet.spotFleetRequestId(), p.nextToken()))
                      .flatMap(p -> p.activeInstances().stream()))
          .arn("instance", ActiveInstance::instanceId)
          .parentColumn("spot_fleet_request_id", "spot_fleet_request_id")
          .tolerating("InvalidSpotFleetRequestId.NotFound")
          .build();

  private Ec2SpotFleetInstances() {}

  private static DescribeSpotFleetInstancesResponse page(
      FetchContext ctx, String fleetId, String token) {
    return ctx.ec2()
        .describeSpotFleetInstances(
            r -> r.spotFleetRequestId(fleetId).maxResults(ctx.pageSize(1000)).nextToken(token));
  }
}
