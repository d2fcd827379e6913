package dev.awsinventory.pipeline;

import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CloudQuery's {@code cloudquery_sync_summaries} row, written at the end of a run when the
 * destination spec says {@code send_sync_summary: true}, so that dashboards built on it keep
 * working. Columns as the CloudQuery CLI's {@code syncSummary} struct makes them (cli_version,
 * resources, source_errors, source_tables, sync_id, resources_per_table, errors_per_table, ...;
 * unsigned counters as {@code numeric(20,0)}, the sync time as {@code _cq_sync_time}). If the table
 * already exists (CloudQuery made it), only the columns it has are written.
 */
final class SyncSummaryRow {
  static final String TABLE = "cloudquery_sync_summaries";

  private SyncSummaryRow() {}

  static void write(
      Connection c, SyncRun run, List<Table<?>> tables, Summary summary, List<SliceOutcome> slices)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (_cq_source_name text, "
              + "_cq_sync_time timestamp without time zone, cli_version text, destination_errors numeric(20,0), "
              + "destination_name text, destination_path text, destination_version text, "
              + "destination_warnings numeric(20,0), resources numeric(20,0), source_errors numeric(20,0), "
              + "source_name text, source_path text, source_version text, source_warnings numeric(20,0), "
              + "source_tables text[], sync_id text, shard_num bigint, shard_total bigint, "
              + "resources_per_table jsonb, errors_per_table jsonb)");
    }
    Map<String, String> types = columnTypes(c);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("_cq_source_name", run.sourceName());
    values.put("_cq_sync_time", run.syncTimeText());
    values.put("cli_version", "aws-inventory " + Help.version());
    values.put("destination_errors", 0L);
    values.put("destination_name", "postgresql");
    values.put("destination_path", "cloudquery/postgresql");
    values.put("destination_version", "");
    values.put("destination_warnings", 0L);
    values.put("resources", summary.resources());
    values.put("source_errors", (long) summary.failed().size());
    values.put("source_name", run.sourceName());
    values.put("source_path", "cloudquery/aws");
    values.put("source_version", Help.version());
    values.put("source_warnings", 0L);
    values.put("source_tables", tables.stream().map(Table::name).toList());
    values.put("sync_id", summary.runId());
    values.put("resources_per_table", json(new TreeMap<>(summary.tables())));
    values.put("errors_per_table", json(errorsPerTable(tables, slices)));
    List<String> columns = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    for (String column : values.keySet()) {
      String type = types.get(column);
      if (type != null) {
        columns.add("\"" + column + "\"");
        placeholders.add(placeholder(column, type));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", placeholders)
                + ")")) {
      int i = 1;
      for (Map.Entry<String, Object> e : values.entrySet()) {
        if (types.containsKey(e.getKey())) {
          Object v = e.getValue();
          if (v instanceof List<?> list) {
            Array array = c.createArrayOf("text", list.toArray());
            ps.setArray(i++, array);
          } else {
            ps.setString(i++, String.valueOf(v));
          }
        }
      }
      ps.executeUpdate();
    }
  }

  /** Failed slices per table; a failed account counts once for every table. */
  static Map<String, Long> errorsPerTable(List<Table<?>> tables, List<SliceOutcome> slices) {
    Map<String, Long> out = new TreeMap<>();
    for (Table<?> t : tables) {
      out.put(t.name(), 0L);
    }
    for (SliceOutcome s : slices) {
      if (s.ok()) {
        continue;
      }
      if (!s.key().oneTable()) {
        out.replaceAll((t, n) -> n + 1);
      } else {
        out.merge(s.table(), 1L, Long::sum);
      }
    }
    return out;
  }

  private static String placeholder(String column, String type) {
    if (column.equals("_cq_sync_time")) {
      return type.equals("timestamp without time zone")
          ? "(CAST(? AS timestamp with time zone) AT TIME ZONE 'UTC')"
          : "CAST(? AS timestamp with time zone)";
    }
    return switch (type) {
      case "ARRAY" -> "?";
      case "jsonb", "json" -> "CAST(? AS " + type + ")";
      case "text", "character varying" -> "?";
      default -> "CAST(? AS " + type + ")";
    };
  }

  private static Map<String, String> columnTypes(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ?")) {
      ps.setString(1, TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static String json(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
