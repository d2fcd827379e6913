package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Region;

/** aws_regions: every region of each account, with whether the account has it enabled. */
public final class AwsRegions {
  public static final String NOT_OPTED_IN = "not-opted-in";

  public static final Table<Region> TABLE =
      Table.perAccount("aws_regions", Region.class)
          .description("The regions of each account and whether they are enabled.")
          .listedBy(
              "DescribeRegions",
              ctx -> ctx.ec2().describeRegions(r -> r.allRegions(true)).regions().stream())
          .column("region", ColumnType.TEXT, (r, ctx) -> r.regionName())
          .column("enabled", ColumnType.BOOLEAN, (r, ctx) -> !NOT_OPTED_IN.equals(r.optInStatus()))
          .column("partition", ColumnType.TEXT, (r, ctx) -> ctx.partition())
          .primaryKey("account_id", "region")
          .build();

  private AwsRegions() {}
}
