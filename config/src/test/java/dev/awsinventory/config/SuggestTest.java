package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  @Test
  void suggestsCloseWords() {
    assertThat(Suggest.closest("acounts", List.of("regions", "accounts", "org")))
        .contains("accounts");
    assertThat(Suggest.closest("role_ar", List.of("role_arn", "role_session_name")))
        .contains("role_arn");
    assertThat(Suggest.closest("us-est-1", Regions.known())).contains("us-east-1");
    assertThat(Suggest.closest("aws_ec2_instancs", List.of("aws_ec2_instances", "aws_ec2_images")))
        .contains("aws_ec2_instances");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggest.closest("completely_different", List.of("accounts", "regions"))).isEmpty();
    assertThat(Suggest.closest("abc", List.of())).isEmpty();
  }

  @Test
  void limitIsTwoOrAThirdOfTheLength() {
    assertThat(Suggest.closest("abxy", List.of("abcd"))).contains("abcd");
    assertThat(Suggest.closest("abxyz", List.of("abcde"))).isEmpty();
    assertThat(Suggest.closest("aws_ec2_xxxxsances", List.of("aws_ec2_instances"))).isPresent();
  }
}
