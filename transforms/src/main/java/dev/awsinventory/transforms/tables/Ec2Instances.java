package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.AwsTime;
import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Instance;

/** aws_ec2_instances: DescribeInstances, flattened out of its reservations. */
public final class Ec2Instances {
  public static final Table<Instance> TABLE =
      Table.regional("aws_ec2_instances", Instance.class)
          .description("EC2 instances.")
          .listedBy(
              "DescribeInstances",
              ctx ->
                  ctx
                      .ec2()
                      .describeInstancesPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .reservations()
                      .stream()
                      .flatMap(r -> r.instances().stream()))
          .arn("instance", Instance::instanceId)
          .column(
              "state_transition_reason_time",
              ColumnType.TIMESTAMPTZ,
              (i, ctx) -> reasonTime(i.stateTransitionReason()))
          .build();

  private Ec2Instances() {}

  /**
   * The time in a reason such as {@code User initiated (2019-10-07 22:52:14 GMT)}, or null (see
   * {@link AwsTime}).
   */
  static Object reasonTime(String reason) {
    return AwsTime.gmtInText(reason);
  }
}
