package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;

class RegionsTest {

  @Test
  void describeRegionsWithAndWithoutAllRegions() {
    try (FakeAws fake = FakeAws.start()) {
      Credentials user = fake.sourceUser("111111111111");
      fake.account("111111111111")
          .regions("us-east-1", "eu-west-1", "eu-south-1")
          .notOptedIn("af-south-1", "me-central-1");
      try (Ec2Client ec2 = Clients.ec2(fake, Clients.staticProvider(user), "us-east-1")) {
        assertThat(ec2.describeRegions().regions())
            .extracting(Region::regionName, Region::optInStatus, Region::endpoint)
            .containsExactly(
                tuple("us-east-1", "opt-in-not-required", "ec2.us-east-1.amazonaws.com"),
                tuple("eu-west-1", "opt-in-not-required", "ec2.eu-west-1.amazonaws.com"),
                tuple("eu-south-1", "opted-in", "ec2.eu-south-1.amazonaws.com"));
        assertThat(ec2.describeRegions(r -> r.allRegions(true)).regions())
            .extracting(Region::regionName, Region::optInStatus)
            .containsExactly(
                tuple("us-east-1", "opt-in-not-required"),
                tuple("eu-west-1", "opt-in-not-required"),
                tuple("eu-south-1", "opted-in"),
                tuple("af-south-1", "not-opted-in"),
                tuple("me-central-1", "not-opted-in"));
        assertThat(
                ec2.describeRegions(
                        r ->
                            r.allRegions(true)
                                .filters(
                                    Filter.builder()
                                        .name("opt-in-status")
                                        .values("opt-in-not-required", "opted-in")
                                        .build()))
                    .regions())
            .extracting(Region::regionName)
            .containsExactly("us-east-1", "eu-west-1", "eu-south-1");
        assertThat(ec2.describeRegions(r -> r.regionNames("eu-west-1")).regions())
            .extracting(Region::regionName)
            .containsExactly("eu-west-1");
      }
    }
  }

  @Test
  void defaultRegions() {
    try (FakeAws fake = FakeAws.start()) {
      Credentials user = fake.sourceUser("111111111111");
      try (Ec2Client ec2 = Clients.ec2(fake, Clients.staticProvider(user), "us-west-2")) {
        assertThat(ec2.describeRegions().regions())
            .extracting(Region::regionName)
            .containsExactly("us-east-1", "us-west-2", "eu-west-1");
      }
    }
  }
}
