package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.CapacityReservation;

/**
 * aws_ec2_capacity_reservations: DescribeCapacityReservations. The ARN is the model's own (the
 * owner's); a reservation shared through RAM is listed by the owner and each participant, so the
 * key is (account_id, arn): CloudQuery's (arn) would let a participant overwrite the owner's row.
 */
public final class Ec2CapacityReservations {
  public static final Table<CapacityReservation> TABLE =
      Table.regional("aws_ec2_capacity_reservations", CapacityReservation.class)
          .description("On-Demand Capacity Reservations.")
          .listedBy(
              "DescribeCapacityReservations",
              ctx ->
                  ctx
                      .ec2()
                      .describeCapacityReservationsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .capacityReservations()
                      .stream())
          .column("arn", ColumnType.TEXT, (c, ctx) -> c.capacityReservationArn())
          .primaryKey("arn")
          .sharedBetweenAccounts()
          .build();

  private Ec2CapacityReservations() {}
}
