package dev.awsinventory.transforms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudQuery's published EC2 schema (table, parent, column, type, primary key), from the test
 * resources.
 */
record CloudQuerySchema(
    String table, String parent, String column, String type, boolean primaryKey) {

  static Map<String, List<CloudQuerySchema>> byTable() {
    Map<String, List<CloudQuerySchema>> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                CloudQuerySchema.class.getResourceAsStream("/cloudquery-ec2-schema.tsv"),
                StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", -1);
        out.computeIfAbsent(f[0], k -> new ArrayList<>())
            .add(new CloudQuerySchema(f[0], f[1], f[2], f[3], "yes".equals(f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The PostgreSQL type CloudQuery's type maps to. */
  String sqlType() {
    if (type.startsWith("list<item: utf8")) {
      return "text[]";
    }
    if (type.startsWith("timestamp")) {
      return "timestamp with time zone";
    }
    return switch (type) {
      case "utf8" -> "text";
      case "json" -> "jsonb";
      case "uuid" -> "uuid";
      case "bool" -> "boolean";
      case "int64" -> "bigint";
      case "float64" -> "double precision";
      default -> "jsonb";
    };
  }
}
