package dev.awsinventory.transforms.fetch;

import java.io.Serializable;

/**
 * How one slice (table x account x region) ended. A failed account has table and region {@code *}.
 * The error message never holds credentials (see {@link Errors}).
 */
public record SliceOutcome(
    String table,
    String accountId,
    String accountName,
    String region,
    Status status,
    long resources,
    long pages,
    long throttles,
    long retries,
    long durationMs,
    String errorCode,
    String errorMessage)
    implements Serializable {

  /**
   * ok: fetched, stale rows deleted; failed: not fetched, rows kept, the run is partial; skipped:
   * not fetched on purpose (a region denied with {@code denied_regions: skip}), rows kept, the run
   * is not partial.
   */
  public enum Status {
    OK,
    FAILED,
    SKIPPED;

    /** The status as the sync tables store it. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status ofLabel(String label) {
      return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** An ok ({@code true}) or failed ({@code false}) outcome. */
  public SliceOutcome(
      String table,
      String accountId,
      String accountName,
      String region,
      boolean ok,
      long resources,
      long pages,
      long throttles,
      long retries,
      long durationMs,
      String errorCode,
      String errorMessage) {
    this(
        table,
        accountId,
        accountName,
        region,
        ok ? Status.OK : Status.FAILED,
        resources,
        pages,
        throttles,
        retries,
        durationMs,
        errorCode,
        errorMessage);
  }

  public boolean ok() {
    return status == Status.OK;
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  public boolean skipped() {
    return status == Status.SKIPPED;
  }

  public static SliceOutcome ok(
      FetchTask t,
      String table,
      long resources,
      long pages,
      long throttles,
      long retries,
      long durationMs) {
    return new SliceOutcome(
        table,
        t.accountId(),
        t.account().name(),
        t.sliceRegion(),
        Status.OK,
        resources,
        pages,
        throttles,
        retries,
        durationMs,
        null,
        null);
  }

  public static SliceOutcome failed(
      FetchTask t,
      String table,
      long pages,
      long throttles,
      long retries,
      long durationMs,
      Throwable error) {
    return failed(
        t, table, pages, throttles, retries, durationMs, Errors.code(error), Errors.message(error));
  }

  public static SliceOutcome failed(
      FetchTask t,
      String table,
      long pages,
      long throttles,
      long retries,
      long durationMs,
      String code,
      String message) {
    return new SliceOutcome(
        table,
        t.accountId(),
        t.account().name(),
        t.sliceRegion(),
        Status.FAILED,
        0,
        pages,
        throttles,
        retries,
        durationMs,
        code,
        message);
  }

  /** A slice not fetched on purpose; its rows are kept and it does not make the run partial. */
  public static SliceOutcome skipped(
      FetchTask t, String table, long pages, long durationMs, String code, String message) {
    return new SliceOutcome(
        table,
        t.accountId(),
        t.account().name(),
        t.sliceRegion(),
        Status.SKIPPED,
        0,
        pages,
        0,
        0,
        durationMs,
        code,
        message);
  }

  public static SliceOutcome accountFailed(String accountId, String accountName, Throwable error) {
    return accountFailed(accountId, accountName, Errors.code(error), Errors.message(error));
  }

  public static SliceOutcome accountFailed(
      String accountId, String accountName, String code, String message) {
    return new SliceOutcome(
        FetchTask.ALL,
        accountId,
        accountName,
        FetchTask.ALL,
        Status.FAILED,
        0,
        0,
        0,
        0,
        0,
        code,
        message);
  }

  /** The same outcome for another table of the slice (a child of a denied parent, say). */
  public SliceOutcome forTable(String otherTable) {
    return new SliceOutcome(
        otherTable, accountId, accountName, region, status, 0, 0, 0, 0, 0, errorCode, errorMessage);
  }
}
