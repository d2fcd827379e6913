package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {
  @Test
  void knowsEveryPartitionsRegions() {
    assertThat(Regions.known()).hasSize(38).contains(
        "us-east-1", "us-west-2", "ap-southeast-7", "ap-southeast-6", "ap-east-2", "mx-central-1",
        "ca-west-1", "il-central-1", "me-central-1", "eu-central-2", "eu-south-2", "ap-south-2",
        "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1");
  }

  @Test
  void globs() {
    assertThat(Regions.matches("*", "eu-west-1")).isTrue();
    assertThat(Regions.matches("us-*", "us-east-2")).isTrue();
    assertThat(Regions.matches("us-*", "us-gov-west-1")).isTrue();
    assertThat(Regions.matches("us-*", "eu-west-1")).isFalse();
    assertThat(Regions.matches("eu-west-?", "eu-west-3")).isTrue();
    assertThat(Regions.matches("eu-west-?", "eu-west-10")).isFalse();
    assertThat(Regions.matches("ap-*-1", "ap-southeast-1")).isTrue();
    assertThat(Regions.matches("us-east-1", "us-east-1")).isTrue();
    assertThat(Regions.matches("us.east.1", "us-east-1")).isFalse();
  }
}
