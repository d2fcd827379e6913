package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.AwsTime;
import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * aws_ec2_images: DescribeImages of the account's own AMIs (not public ones). AWS gives the dates
 * as ISO 8601 text; CloudQuery stores them as timestamps.
 */
public final class Ec2Images {
  public static final Table<Image> TABLE =
      Table.regional("aws_ec2_images", Image.class)
          .description("AMIs owned by the account.")
          .listedBy(
              "DescribeImages",
              ctx ->
                  ctx
                      .ec2()
                      .describeImagesPaginator(r -> r.owners("self").maxResults(ctx.pageSize(1000)))
                      .images()
                      .stream())
          .arn("image", Image::imageId)
          .column("creation_date", ColumnType.TIMESTAMPTZ, (i, ctx) -> isoTime(i.creationDate()))
          .column(
              "deprecation_time", ColumnType.TIMESTAMPTZ, (i, ctx) -> isoTime(i.deprecationTime()))
          .column("public", ColumnType.BOOLEAN, (i, ctx) -> i.publicLaunchPermissions())
          .primaryKey("account_id", "region", "arn")
          .build();

  private Ec2Images() {}

  /**
   * An ISO 8601 date-time such as {@code 2024-01-31T12:00:00.000Z}, or null (see {@link AwsTime}).
   */
  static Object isoTime(String text) {
    return AwsTime.iso(text);
  }
}
