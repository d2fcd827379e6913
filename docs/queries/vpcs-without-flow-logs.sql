-- VPCs with no flow log: their traffic is not recorded anywhere.
-- (CIS AWS 3.9; Prowler vpc_flow_logs_enabled)
SELECT v.account_id, v.region, v.vpc_id, v.cidr_block, v.is_default
FROM aws_ec2_vpcs v
LEFT JOIN aws_ec2_flow_logs f
  ON f.account_id = v.account_id AND f.region = v.region AND f.resource_id = v.vpc_id
WHERE f.resource_id IS NULL
ORDER BY v.account_id, v.region, v.vpc_id;
