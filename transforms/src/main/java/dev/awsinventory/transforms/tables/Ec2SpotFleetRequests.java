package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.SpotFleetRequestConfig;

/** aws_ec2_spot_fleet_requests: DescribeSpotFleetRequests. */
public final class Ec2SpotFleetRequests {
  public static final Table<SpotFleetRequestConfig> TABLE =
      Table.regional("aws_ec2_spot_fleet_requests", SpotFleetRequestConfig.class)
          .description("Spot Fleet requests and their configuration.")
          .listedBy(
              "DescribeSpotFleetRequests",
              ctx ->
                  ctx
                      .ec2()
                      .describeSpotFleetRequestsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .spotFleetRequestConfigs()
                      .stream())
          .primaryKey("account_id", "region", "spot_fleet_request_id")
          .build();

  private Ec2SpotFleetRequests() {}
}
