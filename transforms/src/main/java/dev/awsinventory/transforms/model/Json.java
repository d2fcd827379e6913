package dev.awsinventory.transforms.model;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** JSON text of SDK model values: objects keyed by the SDK member names, nulls left out. */
public final class Json {
  private Json() {}

  public static String of(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  /** A list of Key/Value tag objects as one JSON object {@code {"Key": "Value"}}; empty when null. */
  public static String tags(List<?> tags) {
    StringBuilder out = new StringBuilder(64).append('{');
    if (tags != null) {
      boolean first = true;
      for (Object tag : tags) {
        SdkPojo pojo = (SdkPojo) tag;
        Object key = member(pojo, "Key");
        if (key == null) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, key.toString());
        out.append(':');
        write(out, member(pojo, "Value"));
      }
    }
    return out.append('}').toString();
  }

  /** Whether a list's members are Key/Value tag objects. */
  public static boolean isTagShape(SdkField<?> memberField) {
    if (memberField == null || memberField.constructor() == null) {
      return false;
    }
    List<SdkField<?>> fields = memberField.constructor().get().sdkFields();
    return fields.stream().anyMatch(f -> f.memberName().equals("Key"))
        && fields.stream().anyMatch(f -> f.memberName().equals("Value"));
  }

  private static Object member(SdkPojo pojo, String name) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.memberName().equals(name)) {
        return f.getValueOrDefault(pojo);
      }
    }
    return null;
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof SdkPojo pojo) {
      out.append('{');
      boolean first = true;
      for (SdkField<?> f : pojo.sdkFields()) {
        Object v = f.getValueOrDefault(pojo);
        if (v == null) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, f.memberName());
        out.append(':');
        write(out, v);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        out.append(value);
      } else {
        string(out, value.toString());
      }
    } else if (value instanceof Instant instant) {
      string(out, instant.toString());
    } else if (value instanceof SdkBytes bytes) {
      string(out, Base64.getEncoder().encodeToString(bytes.asByteArray()));
    } else {
      string(out, value.toString());
    }
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\0' -> out.append(Text.NUL_REPLACEMENT);
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
