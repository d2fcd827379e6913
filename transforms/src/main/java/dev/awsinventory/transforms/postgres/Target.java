package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.Table;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How one table is written in the database as it is, whoever made it (this tool, or CloudQuery's
 * PostgreSQL destination): the SQL of the row writes and of the stale deletion, derived from the
 * catalog and never from assumptions.
 *
 * <p>Columns: each value is cast to the type the database has, among the compatible ones ({@code
 * bigint} into {@code integer}/{@code smallint}/{@code numeric}, {@code jsonb} into {@code json},
 * {@code text} into {@code varchar}, {@code text[]} into {@code varchar[]}). A timestamp going into
 * a {@code timestamp without time zone} column (what CloudQuery creates) is written as its UTC
 * wall-clock time, {@code CAST(? AS timestamptz) AT TIME ZONE 'UTC'}, which does not depend on the
 * session's or the JVM's time zone; the stale deletion compares the same way.
 *
 * <p>Keys: a re-executed bundle must leave the same rows, so every write needs a conflict target.
 * With the key this tool wants (the table's key columns; plus {@code _cq_sync_time} in append
 * mode), or a key on {@code _cq_id} alone (CloudQuery's {@code pk_mode: cq-id-only}), or no key but
 * CloudQuery's {@code _cq_id UNIQUE} (CloudQuery's append tables), rows are upserted on that key:
 * {@code _cq_id} is a function of the wanted key (in append mode, of the key and the sync time), so
 * the three are equivalent. A table with no usable unique key at all is written by deleting the
 * rows that have the batch's keys and inserting them, in one transaction under a per-table advisory
 * lock (so two writers never interleave). Any other key is refused, with the statement that would
 * fix it.
 */
public final class Target implements Serializable {
  /** The first key of the two-int advisory locks that serialize writes to a keyless table. */
  static final int KEYLESS_LOCK_CLASS = 0x41574931;

  private static final String TIMESTAMP = "timestamp without time zone";

  private final String table;
  private final String write;
  private final String deleteKeys;
  private final int[] keyIndexes;
  private final boolean newIdPerSync;
  private final int idIndex;
  private final int parentIdIndex;
  private final int syncTimeIndex;
  private final String staleInRegion;
  private final String staleInAccount;
  private final String strategy;

  private Target(
      Table<?> t,
      List<String> values,
      List<String> conflict,
      boolean update,
      List<String> deleteKey,
      WriteMode mode,
      String strategy) {
    this.table = t.name();
    List<Column> cols = t.columns();
    String names = cols.stream().map(c -> Sql.quote(c.name())).collect(Collectors.joining(", "));
    String insert =
        "INSERT INTO "
            + Sql.quote(table)
            + " ("
            + names
            + ") VALUES ("
            + String.join(", ", values)
            + ")";
    if (conflict == null) {
      this.write = insert;
    } else if (!update) {
      this.write = insert + " ON CONFLICT (" + list(conflict) + ") DO NOTHING";
    } else {
      this.write =
          insert
              + " ON CONFLICT ("
              + list(conflict)
              + ") DO UPDATE SET "
              + cols.stream()
                  .filter(c -> !conflict.contains(c.name()))
                  .map(c -> Sql.quote(c.name()) + " = EXCLUDED." + Sql.quote(c.name()))
                  .collect(Collectors.joining(", "));
    }
    if (deleteKey == null) {
      this.deleteKeys = null;
      this.keyIndexes = null;
    } else {
      this.keyIndexes = deleteKey.stream().mapToInt(t::indexOf).toArray();
      List<String> picked = new ArrayList<>();
      List<String> arrays = new ArrayList<>();
      List<String> aliases = new ArrayList<>();
      for (int i = 0; i < keyIndexes.length; i++) {
        picked.add(values.get(keyIndexes[i]).replace("?", "u.k" + i));
        arrays.add("CAST(? AS text[])");
        aliases.add("k" + i);
      }
      this.deleteKeys =
          "DELETE FROM "
              + Sql.quote(table)
              + " WHERE ("
              + list(deleteKey)
              + ") IN (SELECT "
              + String.join(", ", picked)
              + " FROM unnest("
              + String.join(", ", arrays)
              + ") AS u("
              + String.join(", ", aliases)
              + "))";
    }
    this.newIdPerSync = mode == WriteMode.APPEND;
    this.idIndex = t.indexOf(Table.CQ_ID);
    this.parentIdIndex = t.indexOf(Table.CQ_PARENT_ID);
    this.syncTimeIndex = t.indexOf(Table.CQ_SYNC_TIME);
    String syncTime = values.get(syncTimeIndex);
    String stale =
        "DELETE FROM "
            + Sql.quote(table)
            + " WHERE "
            + Sql.quote(Table.CQ_SOURCE_NAME)
            + " = ? AND "
            + Sql.quote(Table.ACCOUNT_ID)
            + " = ?";
    String older = " AND " + Sql.quote(Table.CQ_SYNC_TIME) + " < " + syncTime;
    this.staleInAccount = stale + older;
    this.staleInRegion = stale + " AND " + Sql.quote(Table.REGION) + " = ?" + older;
    this.strategy = strategy;
  }

  /**
   * The way to write {@code t} into the table the catalog describes. Columns the catalog does not
   * have yet count as added with {@link #addType}, so this also checks a table before any DDL.
   *
   * @throws SchemaException naming the table, the column or key, and the SQL that would fix it
   */
  public static Target of(Table<?> t, Catalog catalog, WriteMode mode) throws SchemaException {
    List<String> values = new ArrayList<>();
    for (Column col : t.columns()) {
      Catalog.DbColumn have = catalog.columns().get(col.name());
      String type = have != null ? have.type() : addType(col, catalog);
      String value = value(col.type(), type);
      if (value == null) {
        throw new SchemaException(
            "table "
                + t.name()
                + ", column "
                + col.name()
                + ": the database has type "
                + type
                + " but this version writes "
                + col.type().sql()
                + "; to let this version write it "
                + "(the column is filled again by the next run), run: ALTER TABLE "
                + Sql.quote(t.name())
                + " DROP COLUMN "
                + Sql.quote(col.name())
                + ", ADD COLUMN "
                + Sql.quote(col.name())
                + " "
                + col.type().sql());
      }
      values.add(value);
    }
    Set<String> ours = new HashSet<>(t.columnNames());
    for (Catalog.DbColumn c : catalog.columns().values()) {
      if (c.notNull() && !c.hasDefault() && !ours.contains(c.name())) {
        throw new SchemaException(
            "table "
                + t.name()
                + ", column "
                + c.name()
                + " is NOT NULL without a "
                + "default and this version has no such column; to let it write rows, run: ALTER TABLE "
                + Sql.quote(t.name())
                + " ALTER COLUMN "
                + Sql.quote(c.name())
                + " DROP NOT NULL");
      }
    }
    List<String> wanted = Sql.primaryKey(t, mode);
    boolean update = mode != WriteMode.APPEND;
    List<String> key = catalog.primaryKey();
    List<String> cqId = List.of(Table.CQ_ID);
    if (!key.isEmpty() && new HashSet<>(key).equals(new HashSet<>(wanted))) {
      return new Target(t, values, key, update, null, mode, "upsert on its primary key " + key);
    }
    if (key.equals(cqId)) {
      return new Target(t, values, cqId, update, null, mode, "upsert on its primary key [_cq_id]");
    }
    if (key.isEmpty() && catalog.cqIdUnique()) {
      return new Target(
          t, values, cqId, update, null, mode, "no primary key: upsert on its unique _cq_id");
    }
    if (key.isEmpty()) {
      return new Target(
          t,
          values,
          null,
          false,
          wanted,
          mode,
          "no primary key and no unique _cq_id: delete and insert by " + wanted);
    }
    String quoted = Sql.quote(t.name());
    String fix =
        "ALTER TABLE "
            + quoted
            + " DROP CONSTRAINT "
            + Sql.quote(catalog.primaryKeyName())
            + ", ADD CONSTRAINT "
            + Sql.quote(catalog.primaryKeyName())
            + " PRIMARY KEY ("
            + list(wanted)
            + ")";
    if (!wanted.containsAll(key)) {
      fix =
          "DELETE FROM "
              + quoted
              + " a USING "
              + quoted
              + " b WHERE "
              + wanted.stream()
                  .map(c -> "a." + Sql.quote(c) + " = b." + Sql.quote(c))
                  .collect(Collectors.joining(" AND "))
              + " AND (a."
              + Sql.quote(Table.CQ_SYNC_TIME)
              + ", a.ctid) < (b."
              + Sql.quote(Table.CQ_SYNC_TIME)
              + ", b.ctid); "
              + fix;
    }
    throw new SchemaException(
        "table "
            + t.name()
            + " has primary key "
            + key
            + " but write_mode "
            + mode.configName()
            + " needs "
            + wanted
            + " (or [_cq_id], or no key); to write it, run: "
            + fix);
  }

  /**
   * How to write {@code t} into the table as the catalog has it now (on a worker, after the
   * driver's {@link Schema#ensure} has checked and completed it).
   *
   * @throws IllegalStateException the table changed since the run started and cannot be written
   */
  public static Target read(Connection c, Table<?> t, WriteMode mode) throws SQLException {
    try {
      return of(t, Catalog.read(c, t.name()), mode);
    } catch (SchemaException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The type a missing column is added with: this version's type, except that a timestamp is added
   * as {@code timestamp without time zone} to a table whose {@code _cq_sync_time} is one (made by
   * CloudQuery), so that CloudQuery can keep writing the table.
   */
  static String addType(Column col, Catalog catalog) {
    Catalog.DbColumn syncTime = catalog.columns().get(Table.CQ_SYNC_TIME);
    if (col.type() == ColumnType.TIMESTAMPTZ
        && syncTime != null
        && base(syncTime.type()).equals(TIMESTAMP)) {
      return TIMESTAMP;
    }
    return col.type().sql();
  }

  /**
   * The SQL expression (one {@code ?}, bound as text) that stores a value of this version's type
   * into a column of the database's type, or null when the types are not compatible.
   */
  static String value(ColumnType ours, String dbType) {
    String have = base(dbType);
    return switch (ours) {
      case TEXT ->
          have.equals("text") || have.equals("character varying") ? "CAST(? AS text)" : null;
      case BIGINT ->
          Set.of("bigint", "integer", "smallint", "numeric").contains(have)
              ? "CAST(? AS bigint)"
              : null;
      case DOUBLE ->
          Set.of("double precision", "real", "numeric").contains(have)
              ? "CAST(? AS double precision)"
              : null;
      case BOOLEAN -> have.equals("boolean") ? "CAST(? AS boolean)" : null;
      case TIMESTAMPTZ ->
          have.equals("timestamp with time zone")
              ? "CAST(? AS timestamp with time zone)"
              : have.equals(TIMESTAMP)
                  ? "(CAST(? AS timestamp with time zone) AT TIME ZONE 'UTC')"
                  : null;
      case JSONB ->
          have.equals("jsonb")
              ? "CAST(? AS jsonb)"
              : have.equals("json") ? "CAST(? AS json)" : null;
      case TEXT_ARRAY ->
          have.equals("text[]") || have.equals("character varying[]") ? "CAST(? AS text[])" : null;
      case UUID -> have.equals("uuid") ? "CAST(? AS uuid)" : null;
    };
  }

  /** A type without its modifiers: {@code character varying(20)} is {@code character varying}. */
  private static String base(String dbType) {
    return dbType.replaceAll("\\(\\d+(,\\d+)?\\)", "");
  }

  public String table() {
    return table;
  }

  /** The statement that writes one row (an upsert, or a plain insert after {@link #deleteKeys}). */
  public String write() {
    return write;
  }

  /** Whether rows are written by deleting their keys first (a table without a usable key). */
  public boolean deletesBeforeInsert() {
    return deleteKeys != null;
  }

  /** Deletes the rows with the keys of a batch: one {@code text[]} parameter per key column. */
  public String deleteKeys() {
    return deleteKeys;
  }

  /** The key values of a batch, one array per key column, for {@link #deleteKeys}. */
  public List<String[]> keyArrays(List<ResourceRow> rows) {
    List<String[]> out = new ArrayList<>();
    for (int k : keyIndexes) {
      String[] values = new String[rows.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = value(rows.get(r), k);
      }
      out.add(values);
    }
    return out;
  }

  /** Takes the transaction-scoped lock that serializes delete-and-insert writers of the table. */
  public String lockKeyless() {
    return "SELECT pg_advisory_xact_lock("
        + KEYLESS_LOCK_CLASS
        + ", hashtext("
        + Sql.literal(table)
        + "))";
  }

  /**
   * The value bound for column {@code i} of a row. In append mode {@code _cq_id} and {@code
   * _cq_parent_id} are made per sync (a name-based UUID of the id and the sync time), as each sync
   * adds its own rows, so a key on {@code _cq_id} keeps every sync's row.
   */
  public String value(ResourceRow row, int i) {
    String v = row.value(i);
    if (newIdPerSync && v != null && (i == idIndex || i == parentIdIndex)) {
      return UUID.nameUUIDFromBytes(
              (v + '\u001f' + row.value(syncTimeIndex)).getBytes(StandardCharsets.UTF_8))
          .toString();
    }
    return v;
  }

  /**
   * Deletes a slice's rows older than this sync. Parameters: source name, account, region (unless
   * {@code accountWide}), sync time (ISO-8601 instant).
   */
  public String deleteStale(boolean accountWide) {
    return accountWide ? staleInAccount : staleInRegion;
  }

  /** How the table is written, for the log. */
  public String strategy() {
    return strategy;
  }

  private static String list(List<String> names) {
    return names.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }
}
