package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.model.AwsTime;
import dev.awsinventory.transforms.model.ColumnType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Column type checks made when a row is built, and the one rule of times AWS gives as text. */
class ColumnValuesTest {
  @Test
  void scalarTypesAcceptOnlyTheirValues() {
    assertThat(ColumnType.BIGINT.accepts("42")).isTrue();
    assertThat(ColumnType.BIGINT.accepts("twelve")).isFalse();
    assertThat(ColumnType.BIGINT.accepts("1.5")).isFalse();
    assertThat(ColumnType.BOOLEAN.accepts("true")).isTrue();
    assertThat(ColumnType.BOOLEAN.accepts("yes please")).isFalse();
    assertThat(ColumnType.DOUBLE.accepts("1.5")).isTrue();
    assertThat(ColumnType.DOUBLE.accepts("NaN")).isTrue();
    assertThat(ColumnType.DOUBLE.accepts("x")).isFalse();
    assertThat(ColumnType.TIMESTAMPTZ.accepts("2024-01-31T12:00:00Z")).isTrue();
    assertThat(ColumnType.TIMESTAMPTZ.accepts("yesterday")).isFalse();
    assertThat(ColumnType.UUID.accepts("123e4567-e89b-12d3-a456-426614174000")).isTrue();
    assertThat(ColumnType.UUID.accepts("not-a-uuid")).isFalse();
    assertThat(ColumnType.TEXT.accepts("anything")).isTrue();
    assertThat(ColumnType.BIGINT.accepts(null)).isTrue();
  }

  @Test
  void timesInTextFollowOneRule() {
    assertThat(AwsTime.iso("2024-01-31T12:00:00.000Z"))
        .isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
    assertThat(AwsTime.iso("2024-01-31T13:00:00+01:00"))
        .isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
    assertThat(AwsTime.gmtInText("User initiated (2019-10-07 22:52:14 GMT)"))
        .isEqualTo(Instant.parse("2019-10-07T22:52:14Z"));
    for (String odd : new String[] {null, "", "creationdate-1", "2024-13-45T00:00:00Z"}) {
      assertThat(AwsTime.iso(odd)).as(odd).isNull();
    }
    for (String odd :
        new String[] {null, "", "User initiated", "User initiated (2019-13-45 22:52:14 GMT)"}) {
      assertThat(AwsTime.gmtInText(odd)).as(odd).isNull();
    }
  }
}
