package dev.awsinventory.transforms.postgres;

/**
 * Rows of one table in one account and region that a run did not cover at all: no slice of that
 * table there, no failed account there, and the account not known but inactive. They are not
 * current; {@code lastSyncTime} is when they were last fetched successfully.
 */
public record Orphan(
    String table,
    String accountId,
    String region,
    long rows,
    String lastSyncTime,
    boolean deleted) {}
