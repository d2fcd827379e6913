package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.CapacityReservation;

/** aws_ec2_capacity_reservations: DescribeCapacityReservations (the ARN is the model's own). */
public final class Ec2CapacityReservations {
  public static final Table<CapacityReservation> TABLE =
      Table.regional("aws_ec2_capacity_reservations", CapacityReservation.class)
          .description("On-Demand Capacity Reservations.")
          .listedBy("DescribeCapacityReservations", ctx -> ctx.ec2()
              .describeCapacityReservationsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
              .capacityReservations().stream())
          .column("arn", ColumnType.TEXT, (c, ctx) -> c.capacityReservationArn())
          .primaryKey("arn")
          .build();

  private Ec2CapacityReservations() {}
}
