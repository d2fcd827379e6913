package dev.awsinventory.transforms.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times that AWS gives as text rather than as timestamps, read by one rule: text in the expected
 * form is the instant it names (a time without an offset is UTC, as AWS writes "GMT"); absent text,
 * or text that is not a valid time in that form, gives null, so the column is empty and the row is
 * kept. These fields are free text in the EC2 API reference (an AMI's {@code CreationDate}, an
 * instance's {@code StateTransitionReason}), so an odd value must not cost the other rows of the
 * slice.
 */
public final class AwsTime {
  private static final Pattern GMT_IN_TEXT =
      Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) GMT\\)");
  private static final DateTimeFormatter GMT_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private AwsTime() {}

  /** An ISO 8601 date-time with an offset, such as {@code 2024-01-31T12:00:00.000Z}; or null. */
  public static Instant iso(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The time in a text such as {@code User initiated (2019-10-07 22:52:14 GMT)}; or null. */
  public static Instant gmtInText(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = GMT_IN_TEXT.matcher(text);
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDateTime.parse(m.group(1), GMT_FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
