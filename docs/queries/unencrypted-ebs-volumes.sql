-- EBS volumes that are not encrypted, with the instance each is attached to (if any).
-- (Prowler ec2_ebs_volume_encryption; Steampipe ebs_attached_volume_encryption_enabled)
SELECT account_id, region, volume_id, size AS size_gib, state,
       attachments->0->>'InstanceId' AS instance_id
FROM aws_ec2_ebs_volumes
WHERE encrypted IS NOT TRUE
ORDER BY account_id, region, volume_id;
