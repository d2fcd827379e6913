package dev.awsinventory.transforms.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** SDK fields as PostgreSQL columns and their values as PostgreSQL text input. */
class ModelFieldTest {
  @Test
  void textArraysQuoteEveryElementAndEscapeQuotesAndBackslashes() {
    assertThat(ModelField.encode(ColumnType.TEXT_ARRAY, List.of("a", "b c", "{x,y}")))
        .isEqualTo("{\"a\",\"b c\",\"{x,y}\"}");
    assertThat(
            ModelField.encode(ColumnType.TEXT_ARRAY, Arrays.asList("say \"hi\"", "c:\\dir", null)))
        .isEqualTo("{\"say \\\"hi\\\"\",\"c:\\\\dir\",NULL}");
    assertThat(ModelField.encode(ColumnType.TEXT_ARRAY, List.of("NULL"))).isEqualTo("{\"NULL\"}");
    assertThat(ModelField.encode(ColumnType.TEXT_ARRAY, List.of())).isEqualTo("{}");
  }

  @Test
  void nulIsStoredAsTheReplacementCharacterInTextAndArrays() {
    assertThat(ModelField.encode(ColumnType.TEXT, "a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(ModelField.encode(ColumnType.TEXT_ARRAY, List.of("\u0000")))
        .isEqualTo("{\"\uFFFD\"}");
    assertThat(ModelField.encode(ColumnType.JSONB, List.of("\u0000"))).isEqualTo("[\"\uFFFD\"]");
  }

  @Test
  void scalarsAreTheirTextAndNullStaysNull() {
    assertThat(ModelField.encode(ColumnType.BIGINT, 42L)).isEqualTo("42");
    assertThat(ModelField.encode(ColumnType.BOOLEAN, false)).isEqualTo("false");
    assertThat(ModelField.encode(ColumnType.DOUBLE, 0.25)).isEqualTo("0.25");
    assertThat(ModelField.encode(ColumnType.TIMESTAMPTZ, Instant.parse("2024-02-29T23:59:59.5Z")))
        .isEqualTo("2024-02-29T23:59:59.500Z");
    assertThat(ModelField.encode(ColumnType.TEXT, SdkBytes.fromUtf8String("hi!")))
        .isEqualTo("aGkh");
    assertThat(ModelField.encode(ColumnType.TEXT, null)).isNull();
    assertThat(ModelField.encode(ColumnType.JSONB, null)).isNull();
  }

  @Test
  void fieldsAreSnakeCaseColumnsTypedByTheirShape() {
    Map<String, ColumnType> types =
        ModelField.of(Instance.class).stream()
            .collect(Collectors.toMap(f -> f.column().name(), f -> f.column().type()));
    assertThat(types)
        .containsEntry("instance_id", ColumnType.TEXT)
        .containsEntry("ami_launch_index", ColumnType.BIGINT)
        .containsEntry("ebs_optimized", ColumnType.BOOLEAN)
        .containsEntry("launch_time", ColumnType.TIMESTAMPTZ)
        .containsEntry("state", ColumnType.JSONB)
        .containsEntry("block_device_mappings", ColumnType.JSONB)
        .containsEntry("tags", ColumnType.JSONB);
    assertThat(
            ModelField.of(Vpc.class).stream()
                .filter(f -> f.memberName().equals("CidrBlockAssociationSet"))
                .findFirst()
                .orElseThrow()
                .column()
                .type())
        .isEqualTo(ColumnType.JSONB);
  }

  @Test
  void tagsAreAnObjectAndOtherValuesAreEncodedByColumnType() {
    Instance instance =
        Instance.builder()
            .instanceId("i-1")
            .amiLaunchIndex(0)
            .tags(Tag.builder().key("Name").value("web").build())
            .build();
    Map<String, String> values =
        ModelField.of(Instance.class).stream()
            .collect(
                Collectors.toMap(f -> f.column().name(), f -> String.valueOf(f.value(instance))));
    assertThat(values)
        .containsEntry("instance_id", "i-1")
        .containsEntry("ami_launch_index", "0")
        .containsEntry("tags", "{\"Name\":\"web\"}")
        .containsEntry("kernel_id", "null")
        .containsEntry("security_groups", "[]");
  }
}
