package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.Table;
import java.util.List;
import java.util.stream.Collectors;

/** SQL text for a table. Identifiers are always quoted; values are always bound parameters. */
public final class Sql {
  private Sql() {}

  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The primary key as the write mode needs it: append keeps every sync's row. */
  public static List<String> primaryKey(Table<?> table, WriteMode mode) {
    if (mode == WriteMode.APPEND) {
      return java.util.stream.Stream.concat(table.primaryKey().stream(),
          java.util.stream.Stream.of(Table.CQ_SYNC_TIME)).toList();
    }
    return table.primaryKey();
  }

  public static String createTable(Table<?> table, WriteMode mode) {
    String columns = table.columns().stream()
        .map(c -> quote(c.name()) + " " + c.type().sql())
        .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS " + quote(table.name()) + " (" + columns
        + ", PRIMARY KEY (" + list(primaryKey(table, mode)) + "))";
  }

  public static String addColumn(Table<?> table, Column c) {
    return "ALTER TABLE " + quote(table.name()) + " ADD COLUMN IF NOT EXISTS " + quote(c.name())
        + " " + c.type().sql();
  }

  public static String sliceIndex(Table<?> table) {
    return "CREATE INDEX IF NOT EXISTS " + quote(table.name() + "_slice") + " ON "
        + quote(table.name()) + " (" + quote(Table.ACCOUNT_ID) + ", " + quote(Table.REGION) + ")";
  }

  /** INSERT of one row; upserts unless appending. Every value is cast from text to its type. */
  public static String write(Table<?> table, WriteMode mode) {
    List<Column> cols = table.columns();
    String names = cols.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    String values = cols.stream().map(c -> "CAST(? AS " + c.type().sql() + ")")
        .collect(Collectors.joining(", "));
    String insert = "INSERT INTO " + quote(table.name()) + " (" + names + ") VALUES (" + values + ")";
    List<String> key = primaryKey(table, mode);
    if (mode == WriteMode.APPEND) {
      return insert + " ON CONFLICT (" + list(key) + ") DO NOTHING";
    }
    String updates = cols.stream().filter(c -> !key.contains(c.name()))
        .map(c -> quote(c.name()) + " = EXCLUDED." + quote(c.name()))
        .collect(Collectors.joining(", "));
    return insert + " ON CONFLICT (" + list(key) + ") DO UPDATE SET " + updates;
  }

  /** Deletes the rows of one slice that this sync did not write. */
  public static String deleteStale(Table<?> table, boolean accountWide) {
    return "DELETE FROM " + quote(table.name()) + " WHERE " + quote(Table.CQ_SOURCE_NAME) + " = ? AND "
        + quote(Table.ACCOUNT_ID) + " = ?" + (accountWide ? "" : " AND " + quote(Table.REGION) + " = ?")
        + " AND " + quote(Table.CQ_SYNC_TIME) + " < CAST(? AS timestamp with time zone)";
  }

  private static String list(List<String> names) {
    return names.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }
}
