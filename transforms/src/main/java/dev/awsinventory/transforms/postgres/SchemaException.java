package dev.awsinventory.transforms.postgres;

/** The database holds a table that the tool cannot write without losing data. */
public final class SchemaException extends Exception {
  public SchemaException(String message) {
    super(message);
  }
}
