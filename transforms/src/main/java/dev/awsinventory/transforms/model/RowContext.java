package dev.awsinventory.transforms.model;

/**
 * The values every row of one slice shares, and for a child table the parent resource's row (its
 * {@code _cq_id} becomes the child's {@code _cq_parent_id}).
 */
public record RowContext(
    String sourceName,
    String syncTime,
    String accountId,
    String region,
    String partition,
    Table<?> parentTable,
    ResourceRow parentRow) {

  public RowContext(
      String sourceName, String syncTime, String accountId, String region, String partition) {
    this(sourceName, syncTime, accountId, region, partition, null, null);
  }

  public RowContext withParent(Table<?> table, ResourceRow row) {
    return new RowContext(sourceName, syncTime, accountId, region, partition, table, row);
  }

  public String parentId() {
    return parentRow == null ? null : parentRow.value(0);
  }

  /** A column of the parent's row, as stored. */
  public String parentValue(String column) {
    return parentRow == null ? null : parentRow.value(parentTable.indexOf(column));
  }
}
