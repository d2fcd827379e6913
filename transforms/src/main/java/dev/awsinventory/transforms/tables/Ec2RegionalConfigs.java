package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import java.util.stream.Stream;

/**
 * aws_ec2_regional_configs: EBS encryption by default and the default EBS KMS key, one row per
 * region.
 */
public final class Ec2RegionalConfigs {
  /** One region's EBS defaults, from GetEbsEncryptionByDefault and GetEbsDefaultKmsKeyId. */
  public record RegionalConfig(boolean ebsEncryptionByDefault, String ebsDefaultKmsKeyId) {}

  public static final Table<RegionalConfig> TABLE =
      Table.regional("aws_ec2_regional_configs", RegionalConfig.class)
          .description("EBS encryption by default and the default EBS KMS key of each region.")
          .listedBy(
              "GetEbsEncryptionByDefault",
              ctx ->
                  Stream.of(
                      new RegionalConfig(
                          Boolean.TRUE.equals(
                              ctx.ec2()
                                  .getEbsEncryptionByDefault(r -> {})
                                  .ebsEncryptionByDefault()),
                          ctx.ec2().getEbsDefaultKmsKeyId(r -> {}).kmsKeyId())))
          .alsoCalls("GetEbsDefaultKmsKeyId")
          .column(
              "ebs_encryption_enabled_by_default",
              ColumnType.BOOLEAN,
              (c, ctx) -> c.ebsEncryptionByDefault())
          .column("ebs_default_kms_key_id", ColumnType.TEXT, (c, ctx) -> c.ebsDefaultKmsKeyId())
          .primaryKey("account_id", "region")
          .build();

  private Ec2RegionalConfigs() {}
}
