package dev.awsinventory.transforms.model;

import java.util.Arrays;
import java.util.List;

/** One row of one table: values in the table's column order, as PostgreSQL text input. */
public final class ResourceRow {
  private final String table;
  private final String[] values;

  public ResourceRow(String table, String[] values) {
    this.table = table;
    this.values = values;
  }

  public String table() {
    return table;
  }

  public String value(int column) {
    return values[column];
  }

  public int size() {
    return values.length;
  }

  public List<String> values() {
    return Arrays.asList(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceRow r && r.table.equals(table) && Arrays.equals(r.values, values);
  }

  @Override
  public int hashCode() {
    return table.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return table + Arrays.toString(values);
  }
}
