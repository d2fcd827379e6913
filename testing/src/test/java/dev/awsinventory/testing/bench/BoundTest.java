package dev.awsinventory.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundTest {

  @Test
  void oneBigSliceIsBoundByItsBucket() {
    // 25,000 security groups in pages of 50: 500 calls; 100 from the full bucket, 400 at 20/s
    Scenario s3 = Scenario.preset("S3");
    assertThat(Bound.pagesPerSlice(s3)).isEqualTo(500);
    assertThat(Bound.seconds(s3, 501)).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void breadthIsBoundByCallsThroughTheConcurrency() {
    // 20 x 16 x 4 one-page slices and 20 region listings at 100 ms, 32 at a time
    Scenario s2 = Scenario.preset("S2");
    long calls = 20L * 16 * 4 + 20;
    assertThat(Bound.seconds(s2, calls)).isCloseTo(calls * 0.1 / 32, within(1e-9));
    assertThat(Bound.chainSeconds(s2)).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void presetsAndOverridesDescribeTheGeneratedInventory() {
    assertThat(Scenario.preset("S1").resources()).isEqualTo(1_000_000);
    assertThat(Scenario.preset("S4").resources()).isEqualTo(Scenario.preset("S4b").resources());
    assertThat(Scenario.preset("s6").withAccounts(200).resources()).isEqualTo(200 * 4 * 5);
    assertThat(Scenario.preset("S3").filledActions())
        .isEqualTo(Map.of("ec2.security_groups", "DescribeSecurityGroups"));
    assertThat(Scenario.preset("S0").withTables(List.of("*")).filledActions()).hasSize(4);
  }

  @Test
  void reportIsJson() {
    String json = Json.write(Map.of("a", List.of(1, 2.5, true), "b", "q\"\n"));
    assertThat(json)
        .contains("\"b\" : \"q\\\"\\n\"")
        .contains("\n  \"a\" : [ 1, 2.5, true ]")
        .endsWith("}\n");
  }
}
