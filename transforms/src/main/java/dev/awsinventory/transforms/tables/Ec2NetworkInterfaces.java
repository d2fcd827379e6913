package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Tag;

/** aws_ec2_network_interfaces: DescribeNetworkInterfaces (the model names its tags TagSet). */
public final class Ec2NetworkInterfaces {
  public static final Table<NetworkInterface> TABLE =
      Table.regional("aws_ec2_network_interfaces", NetworkInterface.class)
          .description("Elastic network interfaces.")
          .listedBy(
              "DescribeNetworkInterfaces",
              ctx ->
                  ctx
                      .ec2()
                      .describeNetworkInterfacesPaginator(r -> r.maxResults(ctx.pageSize(1000)))
                      .networkInterfaces()
                      .stream())
          .arn("network-interface", NetworkInterface::networkInterfaceId)
          .column("tags", ColumnType.JSONB, (n, ctx) -> tags(n))
          .build();

  private Ec2NetworkInterfaces() {}

  private static Map<String, String> tags(NetworkInterface n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Tag t : n.tagSet()) {
      if (t.key() != null) {
        out.put(t.key(), t.value());
      }
    }
    return out;
  }
}
