package dev.awsinventory.transforms.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a slice covers is read from its key, and each kind keeps the stored text it had. */
class SliceKeyTest {
  private static final String ACCOUNT = "111122223333";

  @Test
  void eachKindIsStoredAsBeforeAndReadBackAsItself() {
    SliceKey regional = SliceKey.regional("aws_ec2_vpcs", ACCOUNT, "eu-west-1");
    SliceKey accountWide = SliceKey.accountWide("aws_regions", ACCOUNT);
    SliceKey wholeRegion = SliceKey.wholeRegion(ACCOUNT, "xx-new-1");
    SliceKey wholeAccount = SliceKey.wholeAccount(ACCOUNT);

    assertThat(stored(regional)).isEqualTo("aws_ec2_vpcs/111122223333/eu-west-1");
    assertThat(stored(accountWide)).isEqualTo("aws_regions/111122223333/*");
    assertThat(stored(wholeRegion)).isEqualTo("*/111122223333/xx-new-1");
    assertThat(stored(wholeAccount)).isEqualTo("*/111122223333/*");

    assertThat(regional.extent()).isEqualTo(SliceKey.Extent.REGIONAL);
    assertThat(accountWide.extent()).isEqualTo(SliceKey.Extent.ACCOUNT_WIDE);
    assertThat(wholeRegion.extent()).isEqualTo(SliceKey.Extent.WHOLE_REGION);
    assertThat(wholeAccount.extent()).isEqualTo(SliceKey.Extent.WHOLE_ACCOUNT);
    for (SliceKey k : new SliceKey[] {regional, accountWide, wholeRegion, wholeAccount}) {
      assertThat(new SliceKey(k.table(), k.accountId(), k.region())).isEqualTo(k);
    }
  }

  @Test
  void oneTableAndOneRegionTellTheWildcardsApart() {
    assertThat(SliceKey.accountWide("aws_regions", ACCOUNT).oneTable()).isTrue();
    assertThat(SliceKey.accountWide("aws_regions", ACCOUNT).oneRegion()).isFalse();
    assertThat(SliceKey.wholeRegion(ACCOUNT, "eu-west-1").oneTable()).isFalse();
    assertThat(SliceKey.wholeRegion(ACCOUNT, "eu-west-1").oneRegion()).isTrue();
    assertThat(SliceKey.wholeAccount(ACCOUNT).oneTable()).isFalse();
    assertThat(SliceKey.wholeAccount(ACCOUNT).oneRegion()).isFalse();
  }

  @Test
  void aFactoryRefusesTheWildcardWhereItNamesATableOrRegion() {
    assertThatThrownBy(() -> SliceKey.regional("*", ACCOUNT, "eu-west-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SliceKey.regional("aws_ec2_vpcs", ACCOUNT, "*"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SliceKey.accountWide("*", ACCOUNT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SliceKey.wholeRegion(ACCOUNT, "*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChildTableKeepsItsParentsAccountAndRegion() {
    SliceKey child =
        SliceKey.regional("aws_ec2_images", ACCOUNT, "eu-west-1")
            .withTable("aws_ec2_image_launch_permissions");
    assertThat(child)
        .isEqualTo(SliceKey.regional("aws_ec2_image_launch_permissions", ACCOUNT, "eu-west-1"));
  }

  private static String stored(SliceKey k) {
    return k.table() + "/" + k.accountId() + "/" + k.region();
  }
}
