package dev.awsinventory.transforms.model;

/**
 * A value that does not fit its column's type (say, {@code "abc"} for a {@code bigint}). Thrown
 * while a row is built, so the failure stays in the row's slice instead of failing a write batch
 * that mixes rows of many slices.
 */
public final class InvalidColumnValueException extends IllegalArgumentException {
  public InvalidColumnValueException(String table, Column column, String value) {
    super(
        table
            + "."
            + column.name()
            + ": '"
            + shorten(value)
            + "' is not a valid "
            + column.type().sql()
            + " value");
  }

  private static String shorten(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "..." : value;
  }
}
