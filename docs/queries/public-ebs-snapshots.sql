-- EBS snapshots anyone can restore: their create-volume permissions include the group 'all'.
-- (Prowler ec2_ebs_public_snapshot; Steampipe ebs_snapshot_not_publicly_restorable)
SELECT a.account_id, a.region, a.snapshot_id, s.volume_id, s.volume_size AS size_gib
FROM aws_ec2_ebs_snapshot_attributes a
LEFT JOIN aws_ec2_ebs_snapshots s ON s.arn = a.snapshot_arn
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(a.create_volume_permissions, '[]'::jsonb)) p
              WHERE p->>'Group' = 'all')
ORDER BY a.account_id, a.region, a.snapshot_id;
