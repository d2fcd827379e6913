package dev.awsinventory.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of {@code docs/queries/} (packaged in the jar) run against the database and printed as
 * small tables: the ten EC2 checks of CloudQuery's policies, Steampipe's AWS compliance mod and
 * Prowler, plus stopped instances and unattached Elastic IPs.
 */
public final class Report {
  /** The query files, in the order they are printed (file names without {@code .sql}). */
  public static final List<String> CHECKS =
      List.of(
          "ssh-rdp-open-to-internet",
          "critical-ports-open-to-internet",
          "default-security-group-allows-traffic",
          "unencrypted-ebs-volumes",
          "ebs-encryption-by-default-off",
          "imdsv1-allowed",
          "public-ebs-snapshots",
          "public-amis",
          "public-ips",
          "vpcs-without-flow-logs",
          "instances-stopped-over-30-days",
          "unattached-elastic-ips");

  /** Rows printed per check; the rest are counted. */
  static final int MAX_ROWS = 10;

  private Report() {}

  /** One check: its name, the first line of its header comment, and its SQL. */
  public record Check(String name, String description, String sql) {}

  /** One check's result: column names and rows (values as text, null as empty). */
  public record Result(Check check, List<String> columns, List<List<String>> rows, String error) {}

  /** The packaged query file of a check. */
  public static Check check(String name) {
    try (InputStream in = Report.class.getResourceAsStream("queries/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("the jar has no query " + name + ".sql");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Check(name, firstSentence(sql, name), sql);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one check; a table that is missing (not fetched) is reported as the error. */
  public static Result run(Connection c, Check check) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(check.sql())) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          String v = rs.getString(i);
          row.add(v == null ? "" : v);
        }
        rows.add(row);
      }
      return new Result(check, columns, rows, null);
    } catch (SQLException e) {
      String message =
          "42P01".equals(e.getSQLState())
              ? "not run: " + firstLine(e.getMessage()) + " (the table was never fetched)"
              : "failed: " + firstLine(e.getMessage());
      return new Result(check, List.of(), List.of(), message);
    }
  }

  /** Runs every check and prints the results; returns them. */
  public static List<Result> print(Connection c, PrintStream out) {
    List<Result> results = new ArrayList<>();
    out.println();
    out.println("Findings (the checks of docs/queries/*.sql):");
    for (String name : CHECKS) {
      Result r = run(c, check(name));
      results.add(r);
      out.print(format(r));
    }
    return results;
  }

  /** One result as text: a title line, then an aligned table of at most {@link #MAX_ROWS} rows. */
  static String format(Result r) {
    StringBuilder out = new StringBuilder("\n");
    int n = r.rows().size();
    out.append(
        String.format(
            "== %s (%s): %s%n",
            r.check().name(),
            r.error() != null ? r.error() : n == 1 ? "1 row" : n + " rows",
            r.check().description()));
    if (r.error() != null || n == 0) {
      return out.toString();
    }
    int[] width = new int[r.columns().size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = r.columns().get(i).length();
    }
    List<List<String>> shown = r.rows().subList(0, Math.min(n, MAX_ROWS));
    for (List<String> row : shown) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    out.append(line(r.columns(), width));
    for (List<String> row : shown) {
      out.append(line(row, width));
    }
    if (n > MAX_ROWS) {
      out.append(String.format("   ... and %d more rows%n", n - MAX_ROWS));
    }
    return out.toString();
  }

  private static String line(List<String> values, int[] width) {
    StringBuilder out = new StringBuilder("  ");
    for (int i = 0; i < width.length; i++) {
      out.append(' ').append(String.format("%-" + width[i] + "s", values.get(i)));
      if (i + 1 < width.length) {
        out.append(" ");
      }
    }
    return out.toString().stripTrailing() + System.lineSeparator();
  }

  /** The first sentence of the header comment (the lines before the SQL). */
  static String firstSentence(String sql, String name) {
    StringBuilder header = new StringBuilder();
    for (String line : sql.lines().toList()) {
      if (!line.startsWith("--")) {
        break;
      }
      header.append(' ').append(line.substring(2).trim());
    }
    String text = header.toString().trim();
    int end = text.indexOf(". ");
    text = end < 0 ? text : text.substring(0, end + 1);
    return text.isEmpty() ? name : text;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
