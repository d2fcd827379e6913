package dev.awsinventory.transforms.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** PostgreSQL column types, as CloudQuery's types map to them. */
public enum ColumnType {
  TEXT("text"),
  BIGINT("bigint"),
  BOOLEAN("boolean"),
  DOUBLE("double precision"),
  TIMESTAMPTZ("timestamp with time zone"),
  JSONB("jsonb"),
  TEXT_ARRAY("text[]"),
  UUID("uuid");

  private final String sql;

  ColumnType(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }

  /**
   * Whether {@code text}, PostgreSQL text input, is a value of this type as PostgreSQL reads it.
   * Scalars are checked (bigint, boolean, double, timestamp, uuid); text, jsonb and text[] are
   * produced by the encoders in {@link ModelField} and {@link Json}, which always give valid input.
   * Null fits every type.
   */
  public boolean accepts(String text) {
    if (text == null) {
      return true;
    }
    try {
      switch (this) {
        case BIGINT -> Long.parseLong(text.trim());
        case BOOLEAN -> {
          return text.equals("true")
              || text.equals("false")
              || text.equals("t")
              || text.equals("f");
        }
        case DOUBLE -> Double.parseDouble(text.trim());
        case TIMESTAMPTZ -> OffsetDateTime.parse(text);
        case UUID -> java.util.UUID.fromString(text);
        default -> {
          return true;
        }
      }
      return true;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return false;
    }
  }
}
