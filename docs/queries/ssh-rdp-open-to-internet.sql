-- Security groups that let the whole internet (0.0.0.0/0 or ::/0) reach SSH (22) or RDP (3389).
-- A rule for all protocols (IpProtocol -1) counts, and so does a TCP port range that includes
-- the port. One row per group and port.
-- (CIS AWS 5.2/5.3; Prowler ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22 / _3389)
SELECT DISTINCT sg.account_id, sg.region, sg.group_id, sg.group_name, p.port
FROM aws_ec2_security_groups sg
CROSS JOIN LATERAL jsonb_array_elements(COALESCE(sg.ip_permissions, '[]'::jsonb)) AS perm
CROSS JOIN (VALUES (22), (3389)) AS p(port)
WHERE (perm->>'IpProtocol' = '-1'
       OR (perm->>'IpProtocol' IN ('tcp', '6')
           AND (perm->>'FromPort')::int <= p.port AND (perm->>'ToPort')::int >= p.port))
  AND (EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(perm->'IpRanges', '[]'::jsonb)) r
               WHERE r->>'CidrIp' = '0.0.0.0/0')
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(perm->'Ipv6Ranges', '[]'::jsonb)) r
                  WHERE r->>'CidrIpv6' = '::/0'))
ORDER BY sg.account_id, sg.region, sg.group_id, p.port;
