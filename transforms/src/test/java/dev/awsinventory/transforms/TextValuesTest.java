package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Json;
import dev.awsinventory.transforms.model.ModelField;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Values PostgreSQL must receive intact: quotes, backslashes, unicode; NUL becomes U+FFFD. */
class TextValuesTest {
  @Test
  void tagsKeepQuotesAndUnicodeAndReplaceNul() {
    String json =
        Json.tags(
            List.of(
                Tag.builder().key("it's \"quoted\"").value("naïve ☃ 日本 \\ end").build(),
                Tag.builder().key("nul").value("a\u0000b").build()));
    assertThat(json)
        .isEqualTo("{\"it's \\\"quoted\\\"\":\"naïve ☃ 日本 \\\\ end\",\"nul\":\"a\uFFFDb\"}");
  }

  @Test
  void textAndArraysAreEncodedForPostgreSql() {
    assertThat(ModelField.encode(ColumnType.TEXT, "x\u0000y'\"")).isEqualTo("x\uFFFDy'\"");
    assertThat(ModelField.encode(ColumnType.TEXT_ARRAY, Arrays.asList("a\"b", "c\\d", null, "日本")))
        .isEqualTo("{\"a\\\"b\",\"c\\\\d\",NULL,\"日本\"}");
  }
}
