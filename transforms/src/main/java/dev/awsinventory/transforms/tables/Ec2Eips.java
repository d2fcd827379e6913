package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.Address;

/** aws_ec2_eips: DescribeAddresses (not paginated). */
public final class Ec2Eips {
  public static final Table<Address> TABLE =
      Table.regional("aws_ec2_eips", Address.class)
          .description("Elastic IP addresses.")
          .listedBy("DescribeAddresses", ctx -> ctx.ec2().describeAddresses().addresses().stream())
          .primaryKey("account_id", "region", "allocation_id")
          .build();

  private Ec2Eips() {}
}
