package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ArchitectureValues;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.UsageClassType;
import software.amazon.awssdk.services.ec2.model.Vpc;

class ModelFillerTest {

  /** Paths of fields left null in a model object, looking down {@code depth} levels. */
  static List<String> unset(SdkPojo pojo, String path, int depth) {
    List<String> missing = new ArrayList<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      String here = path + "." + field.memberName();
      if (value == null || (value instanceof List<?> list && list.isEmpty())) {
        missing.add(here);
      } else if (depth > 0 && value instanceof SdkPojo nested) {
        missing.addAll(unset(nested, here, depth - 1));
      } else if (depth > 0
          && value instanceof List<?> list
          && list.get(0) instanceof SdkPojo nested) {
        missing.addAll(unset(nested, here + "[0]", depth - 1));
      }
    }
    return missing;
  }

  @Test
  void everyFieldIsSetDownToTheDepthLimit() {
    Reservation reservation = ModelFiller.filled(Reservation.class, 7);
    assertThat(unset(reservation, "Reservation", ModelFiller.MAX_DEPTH - 1)).isEmpty();
    assertThat(unset(ModelFiller.filled(Vpc.class, 7), "Vpc", ModelFiller.MAX_DEPTH - 1)).isEmpty();
    assertThat(reservation.instances()).hasSize(2);
    assertThat(reservation.instances().get(0).tags()).hasSize(2);
  }

  @Test
  void enumsGetValidValues() {
    Instance instance = ModelFiller.filled(Instance.class, 1);
    assertThat(instance.instanceType()).isNotEqualTo(InstanceType.UNKNOWN_TO_SDK_VERSION);
    assertThat(instance.architecture()).isNotEqualTo(ArchitectureValues.UNKNOWN_TO_SDK_VERSION);
    assertThat(instance.state().name()).isNotNull();
    InstanceTypeInfo info = ModelFiller.filled(InstanceTypeInfo.class, 1);
    assertThat(info.supportedUsageClasses())
        .hasSize(2)
        .doesNotContain(UsageClassType.UNKNOWN_TO_SDK_VERSION);
  }

  @Test
  void sameSeedSameObjectOtherSeedOtherStrings() {
    assertThat(ModelFiller.filled(Instance.class, 5))
        .isEqualTo(ModelFiller.filled(Instance.class, 5));
    Instance a = ModelFiller.filled(Instance.class, 5);
    Instance b = ModelFiller.filled(Instance.class, 6);
    assertThat(a.instanceId()).isNotEqualTo(b.instanceId());
    assertThat(a.tags().get(0).key()).isNotEqualTo(a.tags().get(1).key());
    assertThat(a.launchTime()).isEqualTo(a.launchTime().truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void withFieldReplacesOneMember() {
    Instance instance = ModelFiller.filled(Instance.class, 5);
    Instance changed = ModelFiller.withField(instance, "InstanceId", "i-0123");
    assertThat(changed.instanceId()).isEqualTo("i-0123");
    assertThat(ModelFiller.withField(changed, "InstanceId", instance.instanceId()))
        .isEqualTo(instance);
    assertThat(
            ModelFiller.withField(instance, "InstanceType", InstanceType.T3_MICRO).instanceType())
        .isEqualTo(InstanceType.T3_MICRO);
    assertThatThrownBy(() -> ModelFiller.withField(instance, "NoSuchMember", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
