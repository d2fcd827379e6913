package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.FlowLog;

/** aws_ec2_flow_logs: DescribeFlowLogs. */
public final class Ec2FlowLogs {
  public static final Table<FlowLog> TABLE =
      Table.regional("aws_ec2_flow_logs", FlowLog.class)
          .description("VPC, subnet and network interface flow logs.")
          .listedBy(
              "DescribeFlowLogs",
              ctx ->
                  ctx
                      .ec2()
                      .describeFlowLogsPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .flowLogs()
                      .stream())
          .arn("vpc-flow-log", FlowLog::flowLogId)
          .build();

  private Ec2FlowLogs() {}
}
