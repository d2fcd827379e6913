package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/** aws_ec2_launch_template_versions: DescribeLaunchTemplateVersions per launch template. */
public final class Ec2LaunchTemplateVersions {
  public static final Table<LaunchTemplateVersion> TABLE =
      Table.child("aws_ec2_launch_template_versions", LaunchTemplateVersion.class)
          .description("Every version of each launch template; arn is the launch template's ARN.")
          .listedPerParent(
              "DescribeLaunchTemplateVersions",
              Ec2LaunchTemplates.TABLE,
              (ctx, template) ->
                  ctx
                      .ec2()
                      .describeLaunchTemplateVersionsPaginator(
                          r ->
                              r.launchTemplateId(template.launchTemplateId())
                                  .maxResults(ctx.pageSize(200)))
                      .launchTemplateVersions()
                      .stream())
          .parentColumn("arn", "arn")
          .tolerating("InvalidLaunchTemplateId.NotFound")
          .primaryKey("arn", "version_number")
          .build();

  private Ec2LaunchTemplateVersions() {}
}
