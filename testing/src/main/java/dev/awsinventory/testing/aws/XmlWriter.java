package dev.awsinventory.testing.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Serialises SDK model objects to the XML the query/EC2 protocol unmarshaller reads: one element
 * per set field, named by the field's unmarshall location name; lists wrap their members; no
 * whitespace between elements.
 */
final class XmlWriter {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final StringBuilder out = new StringBuilder(1024);

  /** EC2 shape: {@code <ActionResponse xmlns=..><requestId/>fields</ActionResponse>}. */
  static String ec2(String action, SdkPojo response, String requestId) {
    XmlWriter w = new XmlWriter();
    w.out
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
        .append(action)
        .append("Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>")
        .append(requestId)
        .append("</requestId>");
    w.fields(response);
    w.out.append("</").append(action).append("Response>");
    return w.out.toString();
  }

  /**
   * awsQuery shape: {@code
   * <ActionResponse><ActionResult>fields</ActionResult><ResponseMetadata>..}.
   */
  static String query(String action, String namespace, SdkPojo result, String requestId) {
    XmlWriter w = new XmlWriter();
    w.out
        .append('<')
        .append(action)
        .append("Response xmlns=\"")
        .append(namespace)
        .append("\"><")
        .append(action)
        .append("Result>");
    w.fields(result);
    w.out
        .append("</")
        .append(action)
        .append("Result><ResponseMetadata><RequestId>")
        .append(requestId)
        .append("</RequestId></ResponseMetadata></")
        .append(action)
        .append("Response>");
    return w.out.toString();
  }

  private void fields(SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null
          && !(value instanceof SdkAutoConstructList)
          && !(value instanceof SdkAutoConstructMap)) {
        value(field.unmarshallLocationName(), field, value);
      }
    }
  }

  private void value(String name, SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      list(name, field.getTrait(ListTrait.class), (List<?>) value);
    } else if (type == MarshallingType.MAP) {
      map(name, field.getTrait(MapTrait.class), (Map<?, ?>) value);
    } else if (type == MarshallingType.SDK_POJO) {
      open(name);
      fields((SdkPojo) value);
      close(name);
    } else {
      open(name);
      out.append(escape(scalar(field, value)));
      close(name);
    }
  }

  private void list(String name, ListTrait trait, List<?> values) {
    SdkField<?> member = trait.memberFieldInfo();
    if (trait.isFlattened()) {
      values.stream().filter(v -> v != null).forEach(v -> value(name, member, v));
      return;
    }
    String memberName = trait.memberLocationName() == null ? "item" : trait.memberLocationName();
    open(name);
    values.stream().filter(v -> v != null).forEach(v -> value(memberName, member, v));
    close(name);
  }

  private void map(String name, MapTrait trait, Map<?, ?> values) {
    if (!trait.isFlattened()) {
      open(name);
    }
    values.forEach(
        (k, v) -> {
          open(trait.isFlattened() ? name : "entry");
          open(trait.keyLocationName());
          out.append(escape(String.valueOf(k)));
          close(trait.keyLocationName());
          if (v != null) {
            value(trait.valueLocationName(), trait.valueFieldInfo(), v);
          }
          close(trait.isFlattened() ? name : "entry");
        });
    if (!trait.isFlattened()) {
      close(name);
    }
  }

  private static String scalar(SdkField<?> field, Object value) {
    if (value instanceof Instant instant) {
      return timestamp(field, instant);
    }
    if (value instanceof SdkBytes bytes) {
      return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }

  private static String timestamp(SdkField<?> field, Instant instant) {
    TimestampFormatTrait trait = field.getTrait(TimestampFormatTrait.class);
    TimestampFormatTrait.Format format =
        trait == null ? TimestampFormatTrait.Format.ISO_8601 : trait.format();
    return switch (format) {
      case UNIX_TIMESTAMP ->
          java.math.BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
      case UNIX_TIMESTAMP_MILLIS -> Long.toString(instant.toEpochMilli());
      case RFC_822 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
      default ->
          instant.truncatedTo(ChronoUnit.MILLIS).equals(instant)
              ? MILLIS.format(instant)
              : instant.toString();
    };
  }

  private void open(String name) {
    out.append('<').append(name).append('>');
  }

  private void close(String name) {
    out.append("</").append(name).append('>');
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\r' -> sb.append("&#13;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
