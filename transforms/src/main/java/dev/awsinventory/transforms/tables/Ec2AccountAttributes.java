package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;

/** aws_ec2_account_attributes: DescribeAccountAttributes, once per account. */
public final class Ec2AccountAttributes {
  public static final Table<AccountAttribute> TABLE =
      Table.perAccount("aws_ec2_account_attributes", AccountAttribute.class)
          .description(
              "EC2 account attributes (max-instances, default-vpc, supported-platforms, ...).")
          .listedBy(
              "DescribeAccountAttributes",
              ctx -> ctx.ec2().describeAccountAttributes().accountAttributes().stream())
          .column("partition", ColumnType.TEXT, (a, ctx) -> ctx.partition())
          .primaryKey("account_id", "attribute_name")
          .build();

  private Ec2AccountAttributes() {}
}
