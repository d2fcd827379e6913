package dev.awsinventory.transforms.fetch;

import java.io.Serializable;

/**
 * How one slice (table x account x region) ended. A failed account has table and region
 * {@code *}. The error message never holds credentials (see {@link Errors}).
 */
public record SliceOutcome(String table, String accountId, String accountName, String region,
    boolean ok, long resources, long pages, long throttles, long retries, long durationMs,
    String errorCode, String errorMessage) implements Serializable {

  public static SliceOutcome ok(FetchTask t, String table, long resources, long pages,
      long throttles, long retries, long durationMs) {
    return new SliceOutcome(table, t.accountId(), t.account().name(), t.sliceRegion(), true,
        resources, pages, throttles, retries, durationMs, null, null);
  }

  public static SliceOutcome failed(FetchTask t, String table, long pages, long throttles,
      long retries, long durationMs, Throwable error) {
    return failed(t, table, pages, throttles, retries, durationMs, Errors.code(error),
        Errors.message(error));
  }

  public static SliceOutcome failed(FetchTask t, String table, long pages, long throttles,
      long retries, long durationMs, String code, String message) {
    return new SliceOutcome(table, t.accountId(), t.account().name(), t.sliceRegion(), false,
        0, pages, throttles, retries, durationMs, code, message);
  }

  public static SliceOutcome accountFailed(String accountId, String accountName, Throwable error) {
    return new SliceOutcome(FetchTask.ALL, accountId, accountName, FetchTask.ALL, false, 0, 0, 0,
        0, 0, Errors.code(error), Errors.message(error));
  }
}
