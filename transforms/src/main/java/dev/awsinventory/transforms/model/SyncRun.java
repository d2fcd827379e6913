package dev.awsinventory.transforms.model;

import dev.awsinventory.config.WriteMode;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of one source, made once by the driver and passed whole to every step that writes: the
 * run's id (the key of its rows in the sync tables), the source name ({@code _cq_source_name}), the
 * sync time ({@code _cq_sync_time} of every row it writes, and the bound below which its stale rows
 * are deleted) and the write mode. Serializable, as Beam serializes the DoFns that hold it.
 *
 * @param runId the run's UUID, as text (the sync tables' {@code run_id uuid} column and the
 *     summary's {@code run_id})
 * @param sourceName the source's name ({@code spec.name} of the config)
 * @param syncTime when the run started, to the microsecond (PostgreSQL's timestamp precision)
 * @param mode how rows are written and whether stale ones are deleted
 */
public record SyncRun(String runId, String sourceName, Instant syncTime, WriteMode mode)
    implements Serializable {

  /**
   * Checks the parts and cuts the sync time to microseconds.
   *
   * @throws IllegalArgumentException if {@code runId} is not a UUID (such as a source name given in
   *     its place)
   * @throws NullPointerException if a part is null
   */
  public SyncRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(mode, "mode");
    UUID.fromString(runId);
    syncTime = Objects.requireNonNull(syncTime, "syncTime").truncatedTo(ChronoUnit.MICROS);
  }

  /** A run of {@code sourceName} starting now, whose id is {@code runId}. */
  public static SyncRun startingNow(String runId, String sourceName, WriteMode mode) {
    return new SyncRun(runId, sourceName, Instant.now(), mode);
  }

  /**
   * The sync time as the database is given it: ISO-8601 in UTC ({@link Instant#toString()}, such as
   * {@code 2025-06-01T12:00:00.123456Z}), bound as text and cast by PostgreSQL ({@code CAST(? AS
   * timestamp with time zone)}; into a {@code timestamp without time zone} column, its UTC wall
   * clock: {@code ... AT TIME ZONE 'UTC'}), so the stored value does not depend on the session's or
   * the JVM's time zone.
   */
  public String syncTimeText() {
    return syncTime.toString();
  }
}
