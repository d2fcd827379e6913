package dev.awsinventory.testing.scenario;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeRegion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;
import software.amazon.awssdk.services.ec2.model.ImdsSupportValues;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A small organization in the fake AWS, as a platform team would find it: a management account
 * whose user runs the inventory and three member accounts listed in the config (management,
 * production, development), each with an {@code InventoryReadRole} that trusts the management
 * account, in us-east-1 and eu-west-1. Most resources are well configured; a known set is not, so
 * that each check of {@code docs/queries/} finds exactly the rows {@link #EXPECTED} counts:
 *
 * <ul>
 *   <li>an SSH port (production bastion) and an RDP port (development, over IPv6) open to the
 *       internet, and PostgreSQL open to it in development;
 *   <li>a default security group with rules (development us-east-1);
 *   <li>an unencrypted attached volume and an unencrypted detached one;
 *   <li>EBS encryption by default off in both development regions;
 *   <li>three instances and one AMI that allow IMDSv1;
 *   <li>a publicly restorable snapshot and a public AMI (development);
 *   <li>two instances with public IPs and a subnet that gives them out;
 *   <li>two VPCs without flow logs;
 *   <li>an instance stopped since January 2024, and two unattached Elastic IPs.
 * </ul>
 */
public final class DemoOrganization {
  public static final String MANAGEMENT = "111122223333";
  public static final String PRODUCTION = "444455556666";
  public static final String DEVELOPMENT = "777788889999";
  public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
  public static final String ROLE = "InventoryReadRole";

  /** The tables the demo fetches: those the checks read. */
  public static final List<String> TABLES =
      List.of(
          "aws_ec2_instances",
          "aws_ec2_security_groups",
          "aws_ec2_ebs_volumes",
          "aws_ec2_regional_configs",
          "aws_ec2_images",
          "aws_ec2_ebs_snapshots",
          "aws_ec2_ebs_snapshot_attributes",
          "aws_ec2_subnets",
          "aws_ec2_vpcs",
          "aws_ec2_flow_logs",
          "aws_ec2_eips");

  /** Rows each check of docs/queries finds in this organization, by file name without .sql. */
  public static final List<Finding> EXPECTED =
      List.of(
          new Finding("ssh-rdp-open-to-internet", 2),
          new Finding("critical-ports-open-to-internet", 3),
          new Finding("default-security-group-allows-traffic", 1),
          new Finding("unencrypted-ebs-volumes", 2),
          new Finding("ebs-encryption-by-default-off", 2),
          new Finding("imdsv1-allowed", 4),
          new Finding("public-ebs-snapshots", 1),
          new Finding("public-amis", 1),
          new Finding("public-ips", 3),
          new Finding("vpcs-without-flow-logs", 2),
          new Finding("instances-stopped-over-30-days", 1),
          new Finding("unattached-elastic-ips", 2));

  /** A check and how many rows it finds. */
  public record Finding(String check, int rows) {}

  private static final DateTimeFormatter REASON_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  public final FakeAws aws;
  public final Credentials managementUser;
  public final List<Member> members;

  /** A member account listed in the config: its name, id and role. */
  public record Member(String name, String accountId, String roleArn) {}

  public DemoOrganization(FakeAws aws) {
    this.aws = aws;
    this.managementUser = aws.sourceUser(MANAGEMENT);
    List<Member> list = new ArrayList<>();
    for (String[] a :
        new String[][] {
          {"management", MANAGEMENT}, {"production", PRODUCTION}, {"development", DEVELOPMENT}
        }) {
      aws.account(a[1]).regions("us-east-1", "eu-west-1", "us-west-2");
      list.add(new Member(a[0], a[1], aws.account(a[1]).role(ROLE, MANAGEMENT)));
      for (String region : REGIONS) {
        baseline(a[1], region, a[0]);
      }
    }
    this.members = List.copyOf(list);
    findings();
  }

  /**
   * The provider's {@code configuration} block (YAML, not indented): both regions, the simulator's
   * endpoint and the three accounts with their roles.
   */
  public String configuration() {
    StringBuilder out = new StringBuilder();
    out.append("regions: [\"us-east-1\", \"eu-west-1\"]\n");
    out.append("custom_endpoint_url: \"").append(aws.endpoint()).append("\"\n");
    out.append("accounts:\n");
    for (Member m : members) {
      out.append("  - account_name: \"").append(m.name()).append("\"\n");
      out.append("    role_arn: \"").append(m.roleArn()).append("\"\n");
    }
    return out.toString();
  }

  /** The {@link #TABLES} as a YAML flow list. */
  public static String tablesYaml() {
    return TABLES.stream()
        .map(t -> "\"" + t + "\"")
        .reduce((a, b) -> a + ", " + b)
        .map(s -> "[" + s + "]")
        .orElse("[]");
  }

  /**
   * What every account has in every region: a VPC with flow logs, a subnet, a clean default group.
   */
  private void baseline(String account, String region, String name) {
    FakeRegion r = aws.account(account).region(region);
    String vpc = vpcId(account, region);
    r.put(
        "DescribeVpcs",
        List.of(
            Vpc.builder()
                .vpcId(vpc)
                .ownerId(account)
                .cidrBlock("10.0.0.0/16")
                .isDefault(false)
                .state("available")
                .instanceTenancy("default")
                .dhcpOptionsId("dopt-" + suffix(account, region))
                .tags(tag("Name", name + "-" + region))
                .build()));
    r.put("DescribeSubnets", List.of(subnet(account, region, "a", "10.0.1.0/24", false)));
    r.put("DescribeFlowLogs", List.of(flowLog(account, region, vpc)));
    r.put(
        "DescribeSecurityGroups",
        List.of(
            SecurityGroup.builder()
                .groupId("sg-default-" + suffix(account, region))
                .groupName("default")
                .description("default VPC security group")
                .vpcId(vpc)
                .ownerId(account)
                .build()));
    r.respond(
        "GetEbsEncryptionByDefault",
        GetEbsEncryptionByDefaultResponse.builder()
            .ebsEncryptionByDefault(!account.equals(DEVELOPMENT))
            .build());
  }

  private void findings() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // production us-east-1: a web server and an SSH bastion, both with public IPs
    FakeRegion prodEast = aws.account(PRODUCTION).region("us-east-1");
    String prodVpc = vpcId(PRODUCTION, "us-east-1");
    prodEast.add(
        "DescribeVpcs",
        Vpc.builder()
            .vpcId("vpc-0legacy4445555")
            .ownerId(PRODUCTION)
            .cidrBlock("172.31.0.0/16")
            .isDefault(true)
            .state("available")
            .tags(tag("Name", "legacy"))
            .build());
    prodEast.add(
        "DescribeSubnets", subnet(PRODUCTION, "us-east-1", "public", "10.0.100.0/24", true));
    prodEast.add(
        "DescribeSecurityGroups",
        group(
            PRODUCTION,
            "us-east-1",
            "sg-0bastion44455566",
            "bastion-ssh",
            tcp(22, 22, "0.0.0.0/0")),
        group(
            PRODUCTION,
            "us-east-1",
            "sg-0web444555666777",
            "web",
            tcp(443, 443, "0.0.0.0/0"),
            tcp(80, 80, "0.0.0.0/0")));
    prodEast.put(
        "DescribeInstances",
        List.of(
            reservation(
                PRODUCTION,
                instance(
                    "i-0prodweb00000001",
                    prodVpc,
                    InstanceStateName.RUNNING,
                    HttpTokensState.REQUIRED,
                    "54.210.10.11",
                    null)),
            reservation(
                PRODUCTION,
                instance(
                    "i-0prodbastion0001",
                    prodVpc,
                    InstanceStateName.RUNNING,
                    HttpTokensState.OPTIONAL,
                    "54.210.10.12",
                    null))));
    prodEast.put(
        "DescribeVolumes",
        List.of(
            volume("vol-0prodweb0000001", "i-0prodweb00000001", true, 50),
            volume("vol-0prodbastion001", "i-0prodbastion0001", true, 8)));
    prodEast.put(
        "DescribeImages",
        List.of(image("ami-0golden2024000001", "golden-2024-11", ImdsSupportValues.V2_0, false)));
    prodEast.put(
        "DescribeSnapshots",
        List.of(snapshot("snap-0proddb00000001", PRODUCTION, "vol-0prodweb0000001", 50)));
    prodEast.put(
        "DescribeAddresses",
        List.of(
            Address.builder()
                .allocationId("eipalloc-0prodweb0001")
                .associationId("eipassoc-0prodweb001")
                .instanceId("i-0prodweb00000001")
                .publicIp("54.210.10.11")
                .domain(DomainType.VPC)
                .build()));

    // production eu-west-1: an API server without a public IP, a web security group
    FakeRegion prodWest = aws.account(PRODUCTION).region("eu-west-1");
    prodWest.add(
        "DescribeSecurityGroups",
        group(PRODUCTION, "eu-west-1", "sg-0webeu4445556667", "web", tcp(443, 443, "0.0.0.0/0")));
    prodWest.put(
        "DescribeInstances",
        List.of(
            reservation(
                PRODUCTION,
                instance(
                    "i-0prodapi00000001",
                    vpcId(PRODUCTION, "eu-west-1"),
                    InstanceStateName.RUNNING,
                    HttpTokensState.REQUIRED,
                    null,
                    null))));
    prodWest.put(
        "DescribeVolumes", List.of(volume("vol-0prodapi0000001", "i-0prodapi00000001", true, 100)));

    // development us-east-1: IMDSv1 everywhere, an unencrypted volume, a database open to all
    FakeRegion devEast = aws.account(DEVELOPMENT).region("us-east-1");
    String devVpc = vpcId(DEVELOPMENT, "us-east-1");
    devEast.put(
        "DescribeSecurityGroups",
        List.of(
            SecurityGroup.builder()
                .groupId("sg-default-" + suffix(DEVELOPMENT, "us-east-1"))
                .groupName("default")
                .description("default VPC security group")
                .vpcId(devVpc)
                .ownerId(DEVELOPMENT)
                .ipPermissions(
                    IpPermission.builder()
                        .ipProtocol("-1")
                        .userIdGroupPairs(
                            UserIdGroupPair.builder()
                                .groupId("sg-default-" + suffix(DEVELOPMENT, "us-east-1"))
                                .userId(DEVELOPMENT)
                                .build())
                        .build())
                .ipPermissionsEgress(
                    IpPermission.builder()
                        .ipProtocol("-1")
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                        .build())
                .build(),
            group(
                DEVELOPMENT,
                "us-east-1",
                "sg-0devdb7778889999",
                "dev-db",
                tcp(5432, 5432, "0.0.0.0/0"))));
    devEast.put(
        "DescribeInstances",
        List.of(
            reservation(
                DEVELOPMENT,
                instance(
                    "i-0devbuild0000001",
                    devVpc,
                    InstanceStateName.RUNNING,
                    HttpTokensState.OPTIONAL,
                    null,
                    null)),
            reservation(
                DEVELOPMENT,
                instance(
                    "i-0devold000000001",
                    devVpc,
                    InstanceStateName.STOPPED,
                    HttpTokensState.OPTIONAL,
                    null,
                    "User initiated (2024-01-15 09:30:00 GMT)"))));
    devEast.put(
        "DescribeVolumes",
        List.of(
            volume("vol-0devbuild000001", "i-0devbuild0000001", false, 200),
            volume("vol-0devold00000001", "i-0devold000000001", true, 30)));
    devEast.put("DescribeImages", List.of(image("ami-0devbase00000001", "dev-base", null, true)));
    devEast.put(
        "DescribeAddresses",
        List.of(
            Address.builder()
                .allocationId("eipalloc-0devspare001")
                .publicIp("3.90.12.34")
                .domain(DomainType.VPC)
                .build()));

    // development eu-west-1: no flow logs, RDP open over IPv6, a public snapshot
    FakeRegion devWest = aws.account(DEVELOPMENT).region("eu-west-1");
    devWest.put("DescribeFlowLogs", List.of());
    devWest.add(
        "DescribeSecurityGroups",
        SecurityGroup.builder()
            .groupId("sg-0windows77788899")
            .groupName("windows-rdp")
            .description("windows-rdp")
            .vpcId(vpcId(DEVELOPMENT, "eu-west-1"))
            .ownerId(DEVELOPMENT)
            .ipPermissions(
                IpPermission.builder()
                    .ipProtocol("tcp")
                    .fromPort(3389)
                    .toPort(3389)
                    .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build())
                    .build())
            .build());
    devWest.put(
        "DescribeInstances",
        List.of(
            reservation(
                DEVELOPMENT,
                instance(
                    "i-0devtest00000001",
                    vpcId(DEVELOPMENT, "eu-west-1"),
                    InstanceStateName.STOPPED,
                    HttpTokensState.REQUIRED,
                    null,
                    "User initiated ("
                        + REASON_TIME.format(now.minus(3, ChronoUnit.DAYS))
                        + " GMT)"))));
    devWest.put(
        "DescribeSnapshots",
        List.of(snapshot("snap-0devexport00001", DEVELOPMENT, "vol-0devtest0000001", 20)));
    devWest.respond(
        "DescribeSnapshotAttribute",
        DescribeSnapshotAttributeResponse.builder()
            .snapshotId("snap-0devexport00001")
            .createVolumePermissions(
                CreateVolumePermission.builder().group(PermissionGroup.ALL).build())
            .build());

    // management: an internal-only SSH group, a tools instance, a forgotten volume and address
    FakeRegion mgmtEast = aws.account(MANAGEMENT).region("us-east-1");
    mgmtEast.add(
        "DescribeSecurityGroups",
        group(
            MANAGEMENT,
            "us-east-1",
            "sg-0internal1112223",
            "internal-ssh",
            tcp(22, 22, "10.0.0.0/8")));
    mgmtEast.put(
        "DescribeInstances",
        List.of(
            reservation(
                MANAGEMENT,
                instance(
                    "i-0mgmttools000001",
                    vpcId(MANAGEMENT, "us-east-1"),
                    InstanceStateName.RUNNING,
                    HttpTokensState.REQUIRED,
                    null,
                    null))));
    mgmtEast.put(
        "DescribeVolumes", List.of(volume("vol-0mgmttools00001", "i-0mgmttools000001", true, 30)));
    FakeRegion mgmtWest = aws.account(MANAGEMENT).region("eu-west-1");
    mgmtWest.put("DescribeVolumes", List.of(volume("vol-0orphan00000001", null, false, 500)));
    mgmtWest.put(
        "DescribeAddresses",
        List.of(
            Address.builder()
                .allocationId("eipalloc-0mgmtold0001")
                .publicIp("52.18.44.55")
                .domain(DomainType.VPC)
                .build()));
  }

  private static String vpcId(String account, String region) {
    return "vpc-0" + suffix(account, region);
  }

  private static String suffix(String account, String region) {
    return account.substring(0, 4) + (region.startsWith("us") ? "use1" : "euw1");
  }

  private static Subnet subnet(
      String account, String region, String name, String cidr, boolean mapPublicIp) {
    return Subnet.builder()
        .subnetId("subnet-0" + name + suffix(account, region))
        .vpcId(vpcId(account, region))
        .ownerId(account)
        .cidrBlock(cidr)
        .availabilityZone(region + "a")
        .state("available")
        .availableIpAddressCount(250)
        .defaultForAz(false)
        .mapPublicIpOnLaunch(mapPublicIp)
        .tags(tag("Name", name))
        .build();
  }

  private static FlowLog flowLog(String account, String region, String vpc) {
    return FlowLog.builder()
        .flowLogId("fl-0" + suffix(account, region))
        .resourceId(vpc)
        .trafficType(TrafficType.ALL)
        .flowLogStatus("ACTIVE")
        .deliverLogsStatus("SUCCESS")
        .logDestinationType("cloud-watch-logs")
        .logGroupName("/vpc/flow-logs")
        .build();
  }

  private static SecurityGroup group(
      String account, String region, String id, String name, IpPermission... rules) {
    return SecurityGroup.builder()
        .groupId(id)
        .groupName(name)
        .description(name)
        .vpcId(vpcId(account, region))
        .ownerId(account)
        .ipPermissions(rules)
        .ipPermissionsEgress(
            IpPermission.builder()
                .ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                .build())
        .tags(tag("Name", name))
        .build();
  }

  private static IpPermission tcp(int from, int to, String cidr) {
    return IpPermission.builder()
        .ipProtocol("tcp")
        .fromPort(from)
        .toPort(to)
        .ipRanges(IpRange.builder().cidrIp(cidr).build())
        .build();
  }

  private static Reservation reservation(String account, Instance instance) {
    return Reservation.builder()
        .reservationId("r-" + instance.instanceId().substring(2))
        .ownerId(account)
        .instances(instance)
        .build();
  }

  private static Instance instance(
      String id,
      String vpc,
      InstanceStateName state,
      HttpTokensState tokens,
      String publicIp,
      String stateReason) {
    return Instance.builder()
        .instanceId(id)
        .instanceType(InstanceType.T3_MEDIUM)
        .imageId("ami-0golden2024000001")
        .vpcId(vpc)
        .privateIpAddress("10.0.1." + (Math.abs(id.hashCode() % 200) + 10))
        .publicIpAddress(publicIp)
        .state(
            InstanceState.builder()
                .name(state)
                .code(state == InstanceStateName.RUNNING ? 16 : 80)
                .build())
        .stateTransitionReason(stateReason == null ? "" : stateReason)
        .launchTime(Instant.parse("2023-09-01T08:00:00Z"))
        .metadataOptions(
            InstanceMetadataOptionsResponse.builder()
                .httpTokens(tokens)
                .httpEndpoint("enabled")
                .httpPutResponseHopLimit(tokens == HttpTokensState.REQUIRED ? 2 : 1)
                .build())
        .tags(tag("Name", id.substring(4, id.length() - 7)))
        .build();
  }

  private static Volume volume(String id, String instanceId, boolean encrypted, int sizeGib) {
    Volume.Builder b =
        Volume.builder()
            .volumeId(id)
            .size(sizeGib)
            .volumeType("gp3")
            .encrypted(encrypted)
            .availabilityZone("us-east-1a")
            .createTime(Instant.parse("2023-09-01T08:00:00Z"))
            .state(instanceId == null ? VolumeState.AVAILABLE : VolumeState.IN_USE);
    if (instanceId != null) {
      b.attachments(
          VolumeAttachment.builder()
              .instanceId(instanceId)
              .volumeId(id)
              .device("/dev/xvda")
              .build());
    }
    return b.build();
  }

  private static Image image(String id, String name, ImdsSupportValues imds, boolean isPublic) {
    return Image.builder()
        .imageId(id)
        .name(name)
        .imdsSupport(imds)
        .publicLaunchPermissions(isPublic)
        .state(ImageState.AVAILABLE)
        .architecture("x86_64")
        .creationDate("2024-11-02T10:00:00.000Z")
        .build();
  }

  private static Snapshot snapshot(String id, String account, String volume, int sizeGib) {
    return Snapshot.builder()
        .snapshotId(id)
        .ownerId(account)
        .volumeId(volume)
        .volumeSize(sizeGib)
        .state(SnapshotState.COMPLETED)
        .encrypted(false)
        .startTime(Instant.parse("2024-06-01T00:00:00Z"))
        .description("export of " + volume)
        .build();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
