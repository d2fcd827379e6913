package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/** aws_ec2_launch_templates: DescribeLaunchTemplates. */
public final class Ec2LaunchTemplates {
  public static final Table<LaunchTemplate> TABLE =
      Table.regional("aws_ec2_launch_templates", LaunchTemplate.class)
          .description("Launch templates.")
          .listedBy(
              "DescribeLaunchTemplates",
              ctx ->
                  ctx
                      .ec2()
                      .describeLaunchTemplatesPaginator(r -> r.maxResults(ctx.pageSize(200)))
                      .launchTemplates()
                      .stream())
          .arn("launch-template", LaunchTemplate::launchTemplateId)
          .build();

  private Ec2LaunchTemplates() {}
}
