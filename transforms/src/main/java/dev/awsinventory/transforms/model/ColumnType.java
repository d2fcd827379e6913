package dev.awsinventory.transforms.model;

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

  /** The type as information_schema.columns reports it (data_type, or udt_name for arrays). */
  public static ColumnType fromInformationSchema(String dataType, String udtName) {
    for (ColumnType t : values()) {
      if (t.sql.equals(dataType)) {
        return t;
      }
    }
    if ("ARRAY".equals(dataType) && "_text".equals(udtName)) {
      return TEXT_ARRAY;
    }
    return null;
  }
}
