-- Instances stopped for more than 30 days: their volumes and addresses still cost money.
-- The stop time is the one AWS writes in StateTransitionReason.
SELECT account_id, region, instance_id, instance_type,
       (state_transition_reason_time AT TIME ZONE 'UTC')::date AS stopped_on
FROM aws_ec2_instances
WHERE state->>'Name' = 'stopped'
  AND state_transition_reason_time < now() - interval '30 days'
ORDER BY account_id, region, instance_id;
