-- Regions where EBS encryption by default is off: new volumes there are unencrypted unless
-- whoever creates them asks otherwise.
-- (CIS AWS 2.2.1; Prowler ec2_ebs_default_encryption)
SELECT account_id, region
FROM aws_ec2_regional_configs
WHERE ebs_encryption_enabled_by_default IS NOT TRUE
ORDER BY account_id, region;
