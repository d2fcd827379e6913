package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.Table;

/**
 * The table reference ({@code docs/tables.md}) and the README's table list, generated from the
 * registry.
 */
public final class TableDocs {
  /** The line before the README's generated table list. */
  public static final String README_BEGIN =
      "<!-- table list: generated from TableRegistry by TableDocs.readmeList() -->";

  /** The line after it. */
  public static final String README_END = "<!-- end of table list -->";

  private TableDocs() {}

  /**
   * The README's table list: one line per registered table, in registry order, with the EC2 actions
   * that list it, how it is fanned out, and its description.
   */
  public static String readmeList() {
    StringBuilder out = new StringBuilder("| table | listed by | contents |\n|---|---|---|\n");
    for (Table<?> t : TableRegistry.all()) {
      out.append("| `").append(t.name()).append("` | ").append(String.join(", ", t.apiCalls()));
      if (t.parent() != null) {
        out.append(", per `").append(t.parent().name()).append("` resource");
      } else {
        switch (t.scope()) {
          case ACCOUNT -> out.append(", once per account");
          case ORGANIZATION -> out.append(", once per run");
          default -> {}
        }
      }
      out.append(" | ").append(t.description()).append(" |\n");
    }
    return out.toString();
  }

  /**
   * The README text with the part between {@link #README_BEGIN} and {@link #README_END} replaced by
   * {@link #readmeList()}.
   *
   * @throws IllegalArgumentException if the README lacks either marker line
   */
  public static String withReadmeList(String readme) {
    int begin = readme.indexOf(README_BEGIN + "\n");
    int end = readme.indexOf(README_END, Math.max(begin, 0));
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException(
          "README.md has no lines " + README_BEGIN + " and " + README_END);
    }
    return readme.substring(0, begin + README_BEGIN.length() + 1)
        + readmeList()
        + readme.substring(end);
  }

  /** The whole of {@code docs/tables.md}: an index, then every table's columns and types. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Tables\n\n")
        .append("Generated from the table registry (`TableRegistry`); do not edit by hand. ")
        .append("Regenerate with `mvn -B -pl transforms -am test -Dtest=TableDocsTest ")
        .append("-Dsurefire.failIfNoSpecifiedTests=false -DupdateDocs=true`.\n\n")
        .append(
            "Every table also has `_cq_id` (stable per resource), `_cq_parent_id` (the parent's ")
        .append("`_cq_id` in child tables), `_cq_source_name` and `_cq_sync_time`.\n\n")
        .append("| table | listed by | fetched | primary key |\n|---|---|---|---|\n");
    for (Table<?> t : TableRegistry.all()) {
      out.append("| [")
          .append(t.name())
          .append("](#")
          .append(t.name())
          .append(") | ")
          .append(String.join(", ", t.apiCalls()))
          .append(" | ")
          .append(fetched(t))
          .append(" | ")
          .append(String.join(", ", t.primaryKey()))
          .append(" |\n");
    }
    for (Table<?> t : TableRegistry.all()) {
      out.append("\n## ")
          .append(t.name())
          .append("\n\n")
          .append(t.description())
          .append("\n\n")
          .append("- listed by: ")
          .append(String.join(", ", t.apiCalls()))
          .append('\n')
          .append("- fetched: ")
          .append(fetched(t))
          .append('\n')
          .append("- primary key: ")
          .append(String.join(", ", t.primaryKey()))
          .append("\n\n")
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
