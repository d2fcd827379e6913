package dev.awsinventory.transforms.model;

import java.util.Objects;

/**
 * The values every row of one slice shares: the run's, the account, region and partition the slice
 * lists in, and for a child table the parent resource's row (its {@code _cq_id} becomes the child's
 * {@code _cq_parent_id}).
 */
public final class RowContext {
  private final SyncRun run;
  private final String syncTime;
  private final String accountId;
  private final String region;
  private final String partition;
  private final Table<?> parentTable;
  private final ResourceRow parentRow;

  /**
   * The context of a top-level table's rows.
   *
   * @param region the region the slice's calls go to (an account-wide table's default region)
   * @param partition the region's partition ({@code aws}, {@code aws-cn}, ...)
   */
  public RowContext(SyncRun run, String accountId, String region, String partition) {
    this(run, accountId, region, partition, null, null);
  }

  private RowContext(
      SyncRun run,
      String accountId,
      String region,
      String partition,
      Table<?> parentTable,
      ResourceRow parentRow) {
    this.run = Objects.requireNonNull(run, "run");
    this.syncTime = run.syncTimeText(); // once per slice, not once per row
    this.accountId = accountId;
    this.region = region;
    this.partition = partition;
    this.parentTable = parentTable;
    this.parentRow = parentRow;
  }

  /**
   * The context of a child table's rows listed for the parent resource whose row is {@code row}.
   */
  public RowContext withParent(Table<?> table, ResourceRow row) {
    return new RowContext(run, accountId, region, partition, table, row);
  }

  /** {@code _cq_source_name} of every row. */
  public String sourceName() {
    return run.sourceName();
  }

  /** {@code _cq_sync_time} of every row, as stored ({@link SyncRun#syncTimeText()}). */
  public String syncTime() {
    return syncTime;
  }

  /** {@code account_id} of every row: the account the slice lists in. */
  public String accountId() {
    return accountId;
  }

  /** {@code region} of every row: the region the slice's calls go to. */
  public String region() {
    return region;
  }

  /** The region's partition, written in computed ARNs. */
  public String partition() {
    return partition;
  }

  /** The parent row's {@code _cq_id}, or null for a top-level table. */
  public String parentId() {
    return parentRow == null ? null : parentRow.value(Table.CQ_ID_INDEX);
  }

  /** A column of the parent's row, as stored. */
  public String parentValue(String column) {
    return parentRow == null ? null : parentRow.value(parentTable.indexOf(column));
  }
}
