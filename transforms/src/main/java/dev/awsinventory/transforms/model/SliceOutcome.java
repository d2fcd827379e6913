package dev.awsinventory.transforms.model;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * How one slice ended: which slice ({@link SliceKey}), the account's name, ok / failed / skipped,
 * what it cost ({@link CallCounts}) and, unless ok, why ({@link SliceError}). The error message
 * never holds credentials (the fetch redacts it). Build one with {@link #ok}, {@link #failed} or
 * {@link #skipped}; the accessors {@link #table()}, {@link #resources()}, {@link #errorCode()} and
 * the like are shortcuts to the parts.
 *
 * @param key the slice
 * @param accountName the account's name in the config (or in the organization)
 * @param status how it ended
 * @param calls what it listed and cost
 * @param error why it failed or was skipped; null for an ok slice
 */
public record SliceOutcome(
    SliceKey key, String accountName, Status status, CallCounts calls, SliceError error)
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
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status a sync table stores as {@code label}.
     *
     * @throws IllegalArgumentException for a label that is not one of {@link #label()}'s
     */
    public static Status ofLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the key, the status or the counts are null
   */
  public SliceOutcome {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(calls, "calls");
  }

  /** A slice fetched in full. */
  public static SliceOutcome ok(SliceKey key, String accountName, CallCounts calls) {
    return new SliceOutcome(key, accountName, Status.OK, calls, null);
  }

  /** A slice that could not be fetched: its rows are kept and the run is partial. */
  public static SliceOutcome failed(
      SliceKey key, String accountName, CallCounts calls, SliceError error) {
    return new SliceOutcome(key, accountName, Status.FAILED, calls, error);
  }

  /** A slice not fetched on purpose; its rows are kept and it does not make the run partial. */
  public static SliceOutcome skipped(
      SliceKey key, String accountName, CallCounts calls, SliceError reason) {
    return new SliceOutcome(key, accountName, Status.SKIPPED, calls, reason);
  }

  /** The same outcome, with no counts, for another table of the slice (a child table, say). */
  public SliceOutcome forTable(String otherTable) {
    return new SliceOutcome(key.withTable(otherTable), accountName, status, CallCounts.NONE, error);
  }

  /** Whether the slice was fetched in full. */
  public boolean ok() {
    return status == Status.OK;
  }

  /** Whether the slice could not be fetched (the run is partial). */
  public boolean failed() {
    return status == Status.FAILED;
  }

  /** Whether the slice was not fetched on purpose. */
  public boolean skipped() {
    return status == Status.SKIPPED;
  }

  /** The key's table, as stored ({@value SliceKey#ALL} for every table). */
  public String table() {
    return key.table();
  }

  /** The key's account id. */
  public String accountId() {
    return key.accountId();
  }

  /** The key's region, as stored ({@value SliceKey#ALL} for every region). */
  public String region() {
    return key.region();
  }

  /** Rows listed (0 unless ok). */
  public long resources() {
    return calls.resources();
  }

  /** Successful AWS responses. */
  public long pages() {
    return calls.pages();
  }

  /** AWS attempts refused as throttled. */
  public long throttles() {
    return calls.throttles();
  }

  /** AWS attempts retried. */
  public long retries() {
    return calls.retries();
  }

  /** Milliseconds the slice took. */
  public long durationMs() {
    return calls.durationMs();
  }

  /** The error's code, or null for an ok slice. */
  public String errorCode() {
    return error == null ? null : error.code();
  }

  /** The error's message, or null for an ok slice. */
  public String errorMessage() {
    return error == null ? null : error.message();
  }
}
