package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.ImageAttributeName;

/**
 * aws_ec2_image_last_launched_times: DescribeImageAttribute lastLaunchedTime, one row per image.
 */
public final class Ec2ImageLastLaunchedTimes {
  /** The attribute's ISO 8601 text; null when the image was never launched. */
  public record LastLaunched(String time) {}

  public static final Table<LastLaunched> TABLE =
      Table.child("aws_ec2_image_last_launched_times", LastLaunched.class)
          .description(
              "When each AMI last launched an instance (null if never; reported with up to 24 h delay).")
          .listedPerParent(
              "DescribeImageAttribute",
              Ec2Images.TABLE,
              (ctx, image) -> {
                AttributeValue v =
                    ctx.ec2()
                        .describeImageAttribute(
                            r ->
                                r.imageId(image.imageId())
                                    .attribute(ImageAttributeName.LAST_LAUNCHED_TIME))
                        .lastLaunchedTime();
                return Stream.of(new LastLaunched(v == null ? null : v.value()));
              })
          .parentColumn("image_arn", "arn")
          .tolerating("InvalidAMIID.NotFound", "InvalidAMIID.Unavailable")
          .column(
              "last_launched_time", ColumnType.TIMESTAMPTZ, (l, ctx) -> Ec2Images.isoTime(l.time()))
          .primaryKey("image_arn")
          .build();

  private Ec2ImageLastLaunchedTimes() {}
}
