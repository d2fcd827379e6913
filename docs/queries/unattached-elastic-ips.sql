-- Elastic IP addresses associated with nothing: AWS bills them by the hour.
SELECT account_id, region, allocation_id, public_ip
FROM aws_ec2_eips
WHERE association_id IS NULL
ORDER BY account_id, region, allocation_id;
