package dev.awsinventory.transforms.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which slice an outcome is about, as the sync tables key it: {@code (table_name, account_id,
 * region)}. The stored text uses {@value #ALL} for "every" (a table fetched once per account has
 * region {@value #ALL}; an account that could not be reached has table and region {@value #ALL});
 * {@link #extent()} tells those cases apart, so code asks what a slice covers instead of comparing
 * strings. Build one with {@link #regional}, {@link #accountWide}, {@link #wholeRegion} or {@link
 * #wholeAccount}; the canonical constructor takes the stored text (as read back from the database).
 *
 * @param table the table's name, or {@value #ALL} for every table
 * @param accountId the account's 12-digit id; empty when it could not be found (an account whose
 *     credentials failed before its id was known)
 * @param region the region's name, or {@value #ALL} for an account-wide table or the whole account
 */
public record SliceKey(String table, String accountId, String region) implements Serializable {
  /** The stored text of "every table" or "every region". */
  public static final String ALL = "*";

  /** What part of an account a slice covers. */
  public enum Extent {
    /** One table in one region of the account. */
    REGIONAL,
    /**
     * One table fetched once for the account, from its default region (such as {@code aws_regions},
     * or an organization table in the admin account); stored with region {@value SliceKey#ALL}.
     */
    ACCOUNT_WIDE,
    /**
     * Every table in one region of the account, which could not be fetched at all (a configured
     * region that neither the SDK nor DescribeRegions knows); stored with table {@value
     * SliceKey#ALL}.
     */
    WHOLE_REGION,
    /**
     * Every table in every region of the account, which could not be reached (its role could not be
     * assumed, its regions not listed); stored with table and region {@value SliceKey#ALL}.
     */
    WHOLE_ACCOUNT
  }

  /**
   * A key from its stored text.
   *
   * @throws NullPointerException if {@code table} or {@code region} is null
   */
  public SliceKey {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(region, "region");
  }

  /** One table in one region. */
  public static SliceKey regional(String table, String accountId, String region) {
    if (ALL.equals(table) || ALL.equals(region)) {
      throw new IllegalArgumentException("a regional slice names its table and region");
    }
    return new SliceKey(table, accountId, region);
  }

  /** One table fetched once for the account. */
  public static SliceKey accountWide(String table, String accountId) {
    if (ALL.equals(table)) {
      throw new IllegalArgumentException("an account-wide slice names its table");
    }
    return new SliceKey(table, accountId, ALL);
  }

  /** Every table in one region of the account. */
  public static SliceKey wholeRegion(String accountId, String region) {
    if (ALL.equals(region)) {
      throw new IllegalArgumentException("a whole-region slice names its region");
    }
    return new SliceKey(ALL, accountId, region);
  }

  /** Every table in every region of the account. */
  public static SliceKey wholeAccount(String accountId) {
    return new SliceKey(ALL, accountId, ALL);
  }

  /** What the slice covers, from the stored text. */
  public Extent extent() {
    if (ALL.equals(table)) {
      return ALL.equals(region) ? Extent.WHOLE_ACCOUNT : Extent.WHOLE_REGION;
    }
    return ALL.equals(region) ? Extent.ACCOUNT_WIDE : Extent.REGIONAL;
  }

  /** Whether the slice is one table's ({@link Extent#REGIONAL} or {@link Extent#ACCOUNT_WIDE}). */
  public boolean oneTable() {
    return !ALL.equals(table);
  }

  /**
   * Whether the slice is in one region ({@link Extent#REGIONAL} or {@link Extent#WHOLE_REGION}).
   */
  public boolean oneRegion() {
    return !ALL.equals(region);
  }

  /** The same account and region, for another table (a child table of the same slice). */
  public SliceKey withTable(String otherTable) {
    return new SliceKey(otherTable, accountId, region);
  }
}
