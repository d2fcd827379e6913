package dev.awsinventory.transforms.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database's catalog ({@code pg_catalog}) says about one table, read before any DDL: its
 * columns with their exact types ({@code format_type}, e.g. {@code timestamp without time zone}),
 * its primary-key constraint, and its indexes that matter to writing. The table is found as
 * unqualified SQL finds it (the search path).
 */
public record Catalog(
    String table,
    boolean exists,
    Map<String, DbColumn> columns,
    String primaryKeyName,
    List<String> primaryKey,
    boolean cqIdUnique,
    boolean sliceIndex) {

  /** One column as the database has it; {@code type} is {@code format_type}'s text. */
  public record DbColumn(String name, String type, boolean notNull, boolean hasDefault) {}

  public static Catalog read(Connection c, String table) throws SQLException {
    Map<String, DbColumn> columns = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.attname, format_type(a.atttypid, "
                + "a.atttypmod), a.attnotnull, a.atthasdef FROM pg_attribute a WHERE a.attrelid = "
                + "to_regclass(quote_ident(?)) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(
              rs.getString(1),
              new DbColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
        }
      }
    }
    if (columns.isEmpty()) {
      return new Catalog(table, false, columns, null, List.of(), false, false);
    }
    String keyName = null;
    List<String> key = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT k.conname, a.attname FROM pg_constraint k "
                + "CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, n) "
                + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum "
                + "WHERE k.conrelid = to_regclass(quote_ident(?)) AND k.contype = 'p' ORDER BY u.n")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keyName = rs.getString(1);
          key.add(rs.getString(2));
        }
      }
    }
    boolean cqIdUnique = false;
    boolean sliceIndex = false;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.indisunique AND i.indnkeyatts = 1 "
                + "AND i.indpred IS NULL AND i.indexprs IS NULL AND a.attname = '_cq_id', a.attname = 'account_id' "
                + "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
                + "WHERE i.indrelid = to_regclass(quote_ident(?)) AND i.indisvalid")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cqIdUnique |= rs.getBoolean(1);
          sliceIndex |= rs.getBoolean(2);
        }
      }
    }
    return new Catalog(table, true, columns, keyName, List.copyOf(key), cqIdUnique, sliceIndex);
  }

  /** Whether the catalog has the table's relation under this name (a table). */
  public static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT to_regclass(quote_ident(?)) IS NOT NULL")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
