-- Default security groups that allow any inbound or outbound traffic. AWS recommends that
-- the default group of every VPC has no rules, so that nothing uses it by accident.
-- (CIS AWS 5.4; Prowler ec2_securitygroup_default_restrict_traffic)
SELECT account_id, region, group_id, vpc_id,
       jsonb_array_length(COALESCE(ip_permissions, '[]'::jsonb)) AS inbound_rules,
       jsonb_array_length(COALESCE(ip_permissions_egress, '[]'::jsonb)) AS outbound_rules
FROM aws_ec2_security_groups
WHERE group_name = 'default'
  AND (jsonb_array_length(COALESCE(ip_permissions, '[]'::jsonb)) > 0
       OR jsonb_array_length(COALESCE(ip_permissions_egress, '[]'::jsonb)) > 0)
ORDER BY account_id, region, group_id;
