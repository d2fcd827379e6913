package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;
import software.amazon.awssdk.services.ec2.model.GetSerialConsoleAccessStatusResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.sts.StsClient;

class RoundTripTest {

  private static final String TARGET = "222222222222";
  private static final String REGION = "eu-west-1";
  private static final int COUNT = 12;

  private static FakeAws fake;
  private static StsClient sts;
  private static Ec2Client ec2;
  private static FakeRegion data;

  @BeforeAll
  static void start() {
    fake = FakeAws.start();
    Credentials source = fake.sourceUser("111111111111");
    String role = fake.account(TARGET).role("InventoryRead", "111111111111");
    data = fake.account(TARGET).region(REGION);
    sts = Clients.sts(fake, source);
    ec2 = Clients.ec2(fake, Clients.assume(sts, role, "round-trip"), REGION);
  }

  @AfterAll
  static void stop() {
    ec2.close();
    sts.close();
    fake.close();
  }

  private static <T> List<T> filled(Class<T> type) {
    return LongStream.rangeClosed(1, COUNT)
        .mapToObj(seed -> ModelFiller.filled(type, seed))
        .toList();
  }

  private <T> void roundTrip(String action, Class<T> type, Function<Ec2Client, Iterable<T>> fetch) {
    List<T> stored = filled(type);
    data.put(action, stored);
    fake.resetCounters();
    List<T> fetched = new ArrayList<>();
    fetch.apply(ec2).forEach(fetched::add);
    assertThat(fetched).hasSize(COUNT);
    assertThat(fetched).isEqualTo(stored);
    assertThat(fake.calls(TARGET, REGION, action)).isEqualTo(3);
  }

  @Test
  void describeInstances() {
    roundTrip(
        "DescribeInstances",
        Reservation.class,
        c -> c.describeInstancesPaginator(r -> r.maxResults(5)).reservations());
  }

  @Test
  void describeVpcs() {
    roundTrip("DescribeVpcs", Vpc.class, c -> c.describeVpcsPaginator(r -> r.maxResults(5)).vpcs());
  }

  @Test
  void describeSubnets() {
    roundTrip(
        "DescribeSubnets",
        Subnet.class,
        c -> c.describeSubnetsPaginator(r -> r.maxResults(5)).subnets());
  }

  @Test
  void describeSecurityGroups() {
    roundTrip(
        "DescribeSecurityGroups",
        SecurityGroup.class,
        c -> c.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups());
  }

  @Test
  void describeImages() {
    roundTrip(
        "DescribeImages",
        Image.class,
        c -> c.describeImagesPaginator(r -> r.maxResults(5)).images());
  }

  @Test
  void describeLaunchTemplateVersions() {
    roundTrip(
        "DescribeLaunchTemplateVersions",
        LaunchTemplateVersion.class,
        c ->
            c.describeLaunchTemplateVersionsPaginator(r -> r.launchTemplateId("lt-1").maxResults(5))
                .launchTemplateVersions());
  }

  @Test
  void describeVolumes() {
    roundTrip(
        "DescribeVolumes",
        Volume.class,
        c -> c.describeVolumesPaginator(r -> r.maxResults(5)).volumes());
  }

  @Test
  void describeRegionsServesStoredItemsInOnePage() {
    List<Region> stored = filled(Region.class);
    data.put("DescribeRegions", stored);
    DescribeRegionsResponse response = ec2.describeRegions();
    assertThat(response.regions()).isEqualTo(stored);
    data.remove("DescribeRegions", item -> true);
  }

  @Test
  void withoutMaxResultsEverythingComesInOnePage() {
    List<Vpc> stored = filled(Vpc.class);
    data.put("DescribeVpcs", stored);
    fake.resetCounters();
    assertThat(ec2.describeVpcs().vpcs()).isEqualTo(stored);
    assertThat(fake.calls("DescribeVpcs")).isEqualTo(1);
  }

  @Test
  void wholeResponsesAreServedAsIs() {
    GetEbsEncryptionByDefaultResponse ebs =
        ModelFiller.filled(GetEbsEncryptionByDefaultResponse.class, 3);
    GetSerialConsoleAccessStatusResponse serial =
        ModelFiller.filled(GetSerialConsoleAccessStatusResponse.class, 4);
    data.respond("GetEbsEncryptionByDefault", ebs).respond("GetSerialConsoleAccessStatus", serial);
    assertThat(ec2.getEbsEncryptionByDefault(r -> {}).equalsBySdkFields(ebs)).isTrue();
    assertThat(ec2.getSerialConsoleAccessStatus(r -> {}).equalsBySdkFields(serial)).isTrue();
  }

  @Test
  void addAndRemoveChangeWhatIsServed() {
    Vpc a = ModelFiller.withField(ModelFiller.filled(Vpc.class, 100), "VpcId", "vpc-a");
    Vpc b = ModelFiller.withField(ModelFiller.filled(Vpc.class, 101), "VpcId", "vpc-b");
    data.put("DescribeVpcs", List.of()).add("DescribeVpcs", a, b);
    assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::vpcId).containsExactly("vpc-a", "vpc-b");
    data.remove("DescribeVpcs", v -> ((Vpc) v).vpcId().equals("vpc-a"));
    assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::vpcId).containsExactly("vpc-b");
  }
}
