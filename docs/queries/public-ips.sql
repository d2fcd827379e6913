-- What gets a public IPv4 address: instances that have one now, and subnets that give one to
-- every instance launched in them (MapPublicIpOnLaunch).
-- (Steampipe ec2_instance_not_publicly_accessible, vpc_subnet_auto_assign_public_ip_disabled)
SELECT account_id, region, 'instance' AS kind, instance_id AS resource_id,
       public_ip_address AS public_ip
FROM aws_ec2_instances
WHERE public_ip_address IS NOT NULL
UNION ALL
SELECT account_id, region, 'subnet', subnet_id, NULL
FROM aws_ec2_subnets
WHERE map_public_ip_on_launch IS TRUE
ORDER BY account_id, region, kind, resource_id;
