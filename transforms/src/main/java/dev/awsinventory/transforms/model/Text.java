package dev.awsinventory.transforms.model;

/**
 * Text as PostgreSQL can store it. PostgreSQL text and jsonb cannot hold U+0000, so a NUL character
 * is stored as U+FFFD (the replacement character); every other character is kept.
 */
public final class Text {
  public static final char NUL_REPLACEMENT = '\uFFFD';

  private Text() {}

  public static String storable(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', NUL_REPLACEMENT);
  }
}
