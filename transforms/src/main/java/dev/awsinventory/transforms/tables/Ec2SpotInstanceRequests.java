package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.SpotInstanceRequest;

/** aws_ec2_spot_instance_requests: DescribeSpotInstanceRequests. */
public final class Ec2SpotInstanceRequests {
  public static final Table<SpotInstanceRequest> TABLE =
      Table.regional("aws_ec2_spot_instance_requests", SpotInstanceRequest.class)
          .description("Spot Instance requests.")
          .listedBy(
              "DescribeSpotInstanceRequests",
              ctx ->
                  ctx
                      .ec2()
                      .describeSpotInstanceRequestsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .spotInstanceRequests()
                      .stream())
          .primaryKey("account_id", "region", "spot_instance_request_id")
          .build();

  private Ec2SpotInstanceRequests() {}
}
