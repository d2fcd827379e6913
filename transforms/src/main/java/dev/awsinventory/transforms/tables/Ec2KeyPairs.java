package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

/** aws_ec2_key_pairs: DescribeKeyPairs (not paginated; one call returns every key pair). */
public final class Ec2KeyPairs {
  public static final Table<KeyPairInfo> TABLE =
      Table.regional("aws_ec2_key_pairs", KeyPairInfo.class)
          .description("EC2 key pairs, with their public keys.")
          .listedBy(
              "DescribeKeyPairs",
              ctx -> ctx.ec2().describeKeyPairs(r -> r.includePublicKey(true)).keyPairs().stream())
          .arn("key-pair", KeyPairInfo::keyPairId)
          .build();

  private Ec2KeyPairs() {}
}
