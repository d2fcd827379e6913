-- Instances that still accept IMDSv1 (HttpTokens not 'required'), and AMIs that do not
-- require IMDSv2 for the instances launched from them (ImdsSupport not 'v2.0').
-- IMDSv2's session tokens protect the instance credentials from SSRF.
-- (Prowler ec2_instance_imdsv2_enabled; Steampipe ec2_instance_uses_imdsv2)
SELECT account_id, region, 'instance' AS kind, instance_id AS resource_id,
       COALESCE(metadata_options->>'HttpTokens', 'unknown') AS setting
FROM aws_ec2_instances
WHERE COALESCE(metadata_options->>'HttpTokens', '') <> 'required'
  AND COALESCE(state->>'Name', '') <> 'terminated'
UNION ALL
SELECT account_id, region, 'image', image_id, COALESCE(imds_support, 'not set')
FROM aws_ec2_images
WHERE imds_support IS DISTINCT FROM 'v2.0'
ORDER BY account_id, region, kind, resource_id;
