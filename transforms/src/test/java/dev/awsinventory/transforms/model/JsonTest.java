package dev.awsinventory.transforms.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The jsonb text of SDK values: member names as keys, nulls left out, text PostgreSQL can store.
 */
class JsonTest {
  @Test
  void anSdkObjectIsKeyedByMemberNamesWithoutNullMembers() {
    assertThat(Json.of(InstanceState.builder().code(16).name("running").build()))
        .isEqualTo("{\"Code\":16,\"Name\":\"running\"}");
    assertThat(Json.of(GroupIdentifier.builder().groupId("sg-1").build()))
        .isEqualTo("{\"GroupId\":\"sg-1\"}");
  }

  @Test
  void unsetListsAreEmptyAndNestedValuesKeepTheirTypes() {
    Instance instance =
        Instance.builder()
            .instanceId("i-1")
            .launchTime(Instant.parse("2024-01-02T03:04:05Z"))
            .ebsOptimized(true)
            .state(s -> s.code(48).name("terminated"))
            .build();
    String json = Json.of(instance);
    assertThat(json)
        .startsWith("{")
        .endsWith("}")
        .contains(
            "\"InstanceId\":\"i-1\"",
            "\"LaunchTime\":\"2024-01-02T03:04:05Z\"",
            "\"EbsOptimized\":true",
            "\"State\":{\"Code\":48,\"Name\":\"terminated\"}",
            "\"BlockDeviceMappings\":[]")
        .doesNotContain("null", "\"KernelId\"");
  }

  @Test
  void listsMapsNumbersAndBytes() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("n", 3L);
    map.put("x", null);
    map.put("d", 1.5);
    assertThat(Json.of(map)).isEqualTo("{\"n\":3,\"x\":null,\"d\":1.5}");
    assertThat(Json.of(Arrays.asList(1, null, "a", false))).isEqualTo("[1,null,\"a\",false]");
    assertThat(Json.of(List.of(Double.NaN, Double.POSITIVE_INFINITY, 2.0f)))
        .isEqualTo("[\"NaN\",\"Infinity\",2.0]");
    assertThat(Json.of(List.of(SdkBytes.fromUtf8String("hi!")))).isEqualTo("[\"aGkh\"]");
    assertThat(Json.of(null)).isEqualTo("null");
  }

  @Test
  void stringsAreEscapedAndNulBecomesTheReplacementCharacter() {
    assertThat(Json.of(List.of("q\"b\\n\nr\rt\t\u0001 日本 a\u0000b")))
        .isEqualTo("[\"q\\\"b\\\\n\\nr\\rt\\t\\u0001 日本 a\uFFFDb\"]");
    Map<String, Object> nulKey = new LinkedHashMap<>();
    nulKey.put("k\u0000", "v");
    assertThat(Json.of(nulKey)).isEqualTo("{\"k\uFFFD\":\"v\"}");
  }

  @Test
  void tagsBecomeOneObjectKeyedByTagKey() {
    assertThat(
            Json.tags(
                List.of(
                    Tag.builder().key("Name").value("web").build(),
                    Tag.builder().key("empty").build(),
                    Tag.builder().value("no key").build())))
        .isEqualTo("{\"Name\":\"web\",\"empty\":null}");
    assertThat(Json.tags(null)).isEqualTo("{}");
    assertThat(Json.tags(List.of())).isEqualTo("{}");
  }

  @Test
  void tagShapeIsAListOfKeyValueObjects() {
    assertThat(Json.isTagShape(listMember(Instance.builder().build().sdkFields(), "Tags")))
        .isTrue();
    assertThat(
            Json.isTagShape(listMember(Instance.builder().build().sdkFields(), "SecurityGroups")))
        .isFalse();
    assertThat(Json.isTagShape(null)).isFalse();
  }

  private static SdkField<?> listMember(List<SdkField<?>> fields, String name) {
    return fields.stream()
        .filter(f -> f.memberName().equals(name))
        .findFirst()
        .orElseThrow()
        .getTrait(ListTrait.class)
        .memberFieldInfo();
  }
}
