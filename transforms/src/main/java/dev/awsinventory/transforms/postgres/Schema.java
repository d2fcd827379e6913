package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the tables' shape before a run, on the driver: creates missing
 * tables, adds missing columns, and refuses (never drops or retypes) a column whose type differs.
 */
public final class Schema {
  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  private Schema() {}

  public static void ensure(Connection c, List<Table<?>> tables, WriteMode mode)
      throws SQLException, SchemaException {
    SyncTables.create(c);
    for (Table<?> t : tables) {
      ensure(c, t, mode);
    }
  }

  static void ensure(Connection c, Table<?> table, WriteMode mode) throws SQLException, SchemaException {
    Map<String, ColumnType> existing = columns(c, table.name());
    try (Statement s = c.createStatement()) {
      if (existing.isEmpty()) {
        s.execute(Sql.createTable(table, mode));
      } else {
        for (Column col : table.columns()) {
          ColumnType have = existing.get(col.name());
          if (!existing.containsKey(col.name())) {
            LOG.info("{}: adding column {} {}", table.name(), col.name(), col.type().sql());
            s.execute(Sql.addColumn(table, col));
          } else if (have != col.type()) {
            throw new SchemaException("table " + table.name() + ", column " + col.name()
                + ": the database has type " + (have == null ? "unknown" : have.sql())
                + " but this version writes " + col.type().sql()
                + "; rename or drop that column (or the table) to let it be recreated");
          }
        }
      }
      s.execute(Sql.sliceIndex(table));
    }
    List<String> key = primaryKey(c, table.name());
    List<String> wanted = Sql.primaryKey(table, mode);
    if (!new HashSet<>(key).equals(new HashSet<>(wanted))) {
      throw new SchemaException("table " + table.name() + " has primary key " + key + " but write_mode "
          + mode.configName() + " needs " + wanted + "; write to another database or drop the table "
          + "to switch between append and the overwrite modes");
    }
  }

  static List<String> primaryKey(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a "
        + "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indisprimary "
        + "AND i.indrelid = to_regclass(quote_ident(?))")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static Map<String, ColumnType> columns(Connection c, String table) throws SQLException {
    Map<String, ColumnType> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT column_name, data_type, udt_name FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), ColumnType.fromInformationSchema(rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }
}
