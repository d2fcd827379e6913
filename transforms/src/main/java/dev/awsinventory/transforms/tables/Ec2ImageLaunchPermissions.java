package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Json;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.ImageAttributeName;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;

/**
 * aws_ec2_image_launch_permissions: DescribeImageAttribute launchPermission, one row per
 * permission. CloudQuery keys it by image_arn alone, which cannot tell an image's permissions
 * apart, so the key adds launch_permission, the permission's canonical JSON text.
 */
public final class Ec2ImageLaunchPermissions {
  public static final Table<LaunchPermission> TABLE =
      Table.child("aws_ec2_image_launch_permissions", LaunchPermission.class)
          .description(
              "Who may launch each AMI: a group (all), an account, an organization or an OU. "
                  + "Keyed by image_arn and launch_permission (the permission as JSON text).")
          .listedPerParent(
              "DescribeImageAttribute",
              Ec2Images.TABLE,
              (ctx, image) ->
                  ctx
                      .ec2()
                      .describeImageAttribute(
                          r ->
                              r.imageId(image.imageId())
                                  .attribute(ImageAttributeName.LAUNCH_PERMISSION))
                      .launchPermissions()
                      .stream())
          .parentColumn("image_arn", "arn")
          .tolerating("InvalidAMIID.NotFound", "InvalidAMIID.Unavailable")
          .column("launch_permission", ColumnType.TEXT, (p, ctx) -> Json.of(p))
          .primaryKey("image_arn", "launch_permission")
          .build();

  private Ec2ImageLaunchPermissions() {}
}
