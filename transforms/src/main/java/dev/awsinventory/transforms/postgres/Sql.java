package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.PkMode;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.Table;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SQL text for a table's DDL. Identifiers are always quoted; values are bound parameters (see
 * {@link Target} for the writes and the stale deletion).
 */
public final class Sql {
  private Sql() {}

  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A string literal (for names that must appear in SQL text, never for values of rows). */
  public static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  /** The key the write mode needs: append keeps every sync's row, so the sync time joins it. */
  public static List<String> primaryKey(Table<?> table, WriteMode mode) {
    if (mode == WriteMode.APPEND) {
      return Stream.concat(table.primaryKey().stream(), Stream.of(Table.CQ_SYNC_TIME)).toList();
    }
    return table.primaryKey();
  }

  /** The key of a table this tool creates: as {@link #primaryKey}, or {@code _cq_id} alone. */
  public static List<String> newTableKey(Table<?> table, WriteMode mode, PkMode pkMode) {
    return pkMode == PkMode.CQ_ID_ONLY ? List.of(Table.CQ_ID) : primaryKey(table, mode);
  }

  /** CREATE TABLE with the key named {@code <table>_cqpk}, as CloudQuery names it. */
  public static String createTable(Table<?> table, WriteMode mode, PkMode pkMode) {
    String columns =
        table.columns().stream()
            .map(c -> quote(c.name()) + " " + c.type().sql())
            .collect(Collectors.joining(", "));
    return "CREATE TABLE "
        + quote(table.name())
        + " ("
        + columns
        + ", CONSTRAINT "
        + quote(table.name() + "_cqpk")
        + " PRIMARY KEY ("
        + list(newTableKey(table, mode, pkMode))
        + "))";
  }

  public static String addColumn(Table<?> table, String column, String type) {
    return "ALTER TABLE " + quote(table.name()) + " ADD COLUMN " + quote(column) + " " + type;
  }

  /** The index that makes the stale deletion of one slice cheap; made with the table. */
  public static String sliceIndex(Table<?> table) {
    return "CREATE INDEX "
        + quote(table.name() + "_slice")
        + " ON "
        + quote(table.name())
        + " ("
        + quote(Table.ACCOUNT_ID)
        + ", "
        + quote(Table.REGION)
        + ")";
  }

  static String list(List<String> names) {
    return names.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }
}
