package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.Instance;

/** aws_ec2_instances: DescribeInstances, flattened out of its reservations. */
public final class Ec2Instances {
  private static final Pattern REASON_TIME = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) GMT\\)");
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public static final Table<Instance> TABLE = Table.regional("aws_ec2_instances", Instance.class)
      .description("EC2 instances.")
      .listedBy("DescribeInstances", ctx -> ctx.ec2()
          .describeInstancesPaginator(r -> r.maxResults(ctx.pageSize(1000))).reservations().stream()
          .flatMap(r -> r.instances().stream()))
      .arn("instance", Instance::instanceId)
      .column("state_transition_reason_time", ColumnType.TIMESTAMPTZ,
          (i, ctx) -> reasonTime(i.stateTransitionReason()))
      .build();

  private Ec2Instances() {}

  /** The time in a reason such as {@code User initiated (2019-10-07 22:52:14 GMT)}. */
  static Object reasonTime(String reason) {
    if (reason == null) {
      return null;
    }
    Matcher m = REASON_TIME.matcher(reason);
    return m.find() ? LocalDateTime.parse(m.group(1), FORMAT).toInstant(ZoneOffset.UTC) : null;
  }
}
