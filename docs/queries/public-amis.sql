-- AMIs owned by the account that anyone can launch (public = true).
-- (Prowler ec2_ami_public; Steampipe ec2_ami_restrict_public_access)
SELECT account_id, region, image_id, name
FROM aws_ec2_images
WHERE public IS TRUE
ORDER BY account_id, region, image_id;
