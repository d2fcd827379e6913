package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.Table;

/** The table reference ({@code docs/tables.md}), generated from the registry. */
public final class TableDocs {
  private TableDocs() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Tables\n\n")
        .append("Generated from the table registry (`TableRegistry`); do not edit by hand. ")
        .append("Regenerate with `mvn -B -pl transforms -am test -Dtest=TableDocsTest ")
        .append("-Dsurefire.failIfNoSpecifiedTests=false -DupdateDocs=true`.\n\n")
        .append("Every table also has `_cq_id` (stable per resource), `_cq_parent_id` (the parent's ")
        .append("`_cq_id` in child tables), `_cq_source_name` and `_cq_sync_time`.\n\n")
        .append("| table | listed by | fetched | primary key |\n|---|---|---|---|\n");
    for (Table<?> t : TableRegistry.all()) {
      out.append("| [").append(t.name()).append("](#").append(t.name()).append(") | ")
          .append(String.join(", ", t.apiCalls())).append(" | ").append(fetched(t)).append(" | ")
          .append(String.join(", ", t.primaryKey())).append(" |\n");
    }
    for (Table<?> t : TableRegistry.all()) {
      out.append("\n## ").append(t.name()).append("\n\n").append(t.description()).append("\n\n")
          .append("- listed by: ").append(String.join(", ", t.apiCalls())).append('\n')
          .append("- fetched: ").append(fetched(t)).append('\n')
          .append("- primary key: ").append(String.join(", ", t.primaryKey())).append("\n\n")
          .append("| column | type |\n|---|---|\n");
      for (Column c : t.columns()) {
        out.append("| ").append(c.name()).append(" | ").append(c.type().sql()).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String fetched(Table<?> t) {
    if (t.parent() != null) {
      return "per " + t.parent().name() + " resource";
    }
    return switch (t.scope()) {
      case ACCOUNT -> "per account";
      case ORGANIZATION -> "once per run, from the org block's admin account";
      default -> "per account and region";
    };
  }
}
