-- Security groups that let the whole internet (0.0.0.0/0 or ::/0) reach a critical port:
-- FTP/SSH/Telnet (20-23), SMTP (25), POP3 (110), RPC (135), IMAP (143), SMB (445),
-- SQL Server (1433-1434), 3000, MySQL (3306), RDP (3389), 4333, 5000, PostgreSQL (5432), 5500,
-- Kibana (5601), 8080, 8088, 8888, Elasticsearch (9200, 9300).
-- A rule for all protocols (IpProtocol -1) counts, and so does a TCP or UDP range that includes
-- the port. One row per group and port.
-- (Steampipe AWS compliance: vpc_security_group_restrict_ingress_common_ports_all)
SELECT DISTINCT sg.account_id, sg.region, sg.group_id, sg.group_name, p.port
FROM aws_ec2_security_groups sg
CROSS JOIN LATERAL jsonb_array_elements(COALESCE(sg.ip_permissions, '[]'::jsonb)) AS perm
CROSS JOIN (VALUES (20), (21), (22), (23), (25), (110), (135), (143), (445), (1433), (1434),
                   (3000), (3306), (3389), (4333), (5000), (5432), (5500), (5601), (8080),
                   (8088), (8888), (9200), (9300)) AS p(port)
WHERE (perm->>'IpProtocol' = '-1'
       OR (perm->>'IpProtocol' IN ('tcp', 'udp', '6', '17')
           AND (perm->>'FromPort')::int <= p.port AND (perm->>'ToPort')::int >= p.port))
  AND (EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(perm->'IpRanges', '[]'::jsonb)) r
               WHERE r->>'CidrIp' = '0.0.0.0/0')
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(perm->'Ipv6Ranges', '[]'::jsonb)) r
                  WHERE r->>'CidrIpv6' = '::/0'))
ORDER BY sg.account_id, sg.region, sg.group_id, p.port;
