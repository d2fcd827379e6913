package dev.awsinventory.transforms.aws;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.protocols.core.StringToInstant;
import software.amazon.awssdk.protocols.core.StringToValueConverter;
import software.amazon.awssdk.protocols.core.StringToValueConverter.StringToValue;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads an EC2 (query protocol) response body straight into the SDK's model objects, element by
 * element, with the rules of the SDK's own unmarshaller ({@code QueryProtocolUnmarshaller} of
 * {@code aws-query-protocol}) but without its tree of the whole document.
 *
 * <p>Why: the SDK parses a response into a tree ({@code XmlElement}, each with its map and lists of
 * children) and only then builds the model from it. For a page of 1,000 fully described
 * reservations (about 30 MB of XML) the tree is several hundred MB of heap and most of the CPU of
 * the call. Here the model is built as the XML is read: the memory is the model's.
 *
 * <p>The rules, as the SDK's: the fields of a structure are its child elements named by each
 * field's {@link SdkField#unmarshallLocationName()} (the first such element counts, others are
 * skipped); a list is every child element of its element, whatever its name; a simple value is the
 * element's text converted by the SDK's {@link StringToValueConverter} (an element without text is
 * the empty string); times by {@link StringToInstant} with the protocol's default of ISO 8601;
 * elements that no field names are skipped; the top element's {@code requestId} is the request id.
 * Structures that hold a map, a flattened list ({@link ListTrait#isFlattened()}) or any type the
 * query protocol does not give are not read here ({@link #readable(Supplier)} is false): the SDK
 * reads those responses itself. None of the 836 EC2 responses of SDK 2.57.8 holds either.
 */
final class Ec2XmlReader {
  private static final XMLInputFactory FACTORY = factory();

  private static final StringToInstant TO_INSTANT =
      StringToInstant.create(
          new EnumMap<>(Map.of(MarshallLocation.PAYLOAD, TimestampFormatTrait.Format.ISO_8601)));

  private static final Map<MarshallingType<?>, StringToValue<?>> SIMPLE = simpleTypes();

  private static final Map<Class<?>, Layout> LAYOUTS = new ConcurrentHashMap<>();

  private Ec2XmlReader() {}

  /** A response read: the model's builder, all fields set, and the request id (or null). */
  record Read(SdkPojo builder, String requestId) {}

  /**
   * Whether every structure reachable from the builders {@code newBuilder} gives holds only types
   * this reader reads (strings, numbers, booleans, times, bytes, lists and structures).
   */
  static boolean readable(Supplier<SdkPojo> newBuilder) {
    return readable(newBuilder.get(), Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean readable(SdkPojo pojo, Set<Class<?>> seen) {
    if (!seen.add(pojo.getClass())) {
      return true;
    }
    for (SdkField<?> f : pojo.sdkFields()) {
      if (!readable(f, seen)) {
        return false;
      }
    }
    return true;
  }

  private static boolean readable(SdkField<?> f, Set<Class<?>> seen) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return readable(f.constructor().get(), seen);
    }
    if (type == MarshallingType.LIST) {
      ListTrait list = f.getTrait(ListTrait.class);
      return list != null && !list.isFlattened() && readable(list.memberFieldInfo(), seen);
    }
    return SIMPLE.containsKey(type);
  }

  /**
   * Reads one response body into {@code builder}, whose fields it sets; the caller builds it.
   *
   * @param body the response's XML; read to its top element's end, not closed
   * @param builder a new builder of the response's model, e.g. {@code
   *     DescribeInstancesResponse.builder()}, which must be {@link #readable(Supplier)}
   * @throws XMLStreamException when the body is not well-formed XML (its cause an {@code
   *     IOException} when reading failed)
   * @throws RuntimeException as the SDK's converters throw, on a value of the wrong form (e.g. a
   *     number field whose text is not a number)
   */
  static Read read(InputStream body, SdkPojo builder) throws XMLStreamException {
    XMLStreamReader r = FACTORY.createXMLStreamReader(body);
    try {
      while (r.next() != XMLStreamConstants.START_ELEMENT) {
        // the prolog: declaration, comments, white space
      }
      String[] requestId = new String[1];
      fill(r, builder, requestId);
      return new Read(builder, requestId[0]);
    } finally {
      r.close();
    }
  }

  /**
   * Sets {@code pojo}'s fields from the children of the element {@code r} is at; ends at its end.
   */
  private static void fill(XMLStreamReader r, SdkPojo pojo, String[] requestId)
      throws XMLStreamException {
    Layout layout = LAYOUTS.computeIfAbsent(pojo.getClass(), c -> new Layout(pojo.sdkFields()));
    boolean[] set = new boolean[layout.fields.size()];
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      Integer index = layout.byName.get(name);
      if (index == null) {
        if (requestId != null && "requestId".equals(name)) {
          requestId[0] = text(r);
        } else {
          skip(r);
        }
        continue;
      }
      if (set[index]) {
        skip(r);
      } else {
        set[index] = true;
        SdkField<?> field = layout.fields.get(index);
        field.set(pojo, value(r, field));
      }
    }
  }

  /** Every child element of the list element {@code r} is at, read as {@code member}. */
  private static List<Object> members(XMLStreamReader r, SdkField<?> member)
      throws XMLStreamException {
    List<Object> values = new ArrayList<>();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return values;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        values.add(value(r, member));
      }
    }
  }

  /** The value of the element {@code r} is at, as {@code field}'s type; ends at its end. */
  private static Object value(XMLStreamReader r, SdkField<?> field) throws XMLStreamException {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo child = field.constructor().get();
      fill(r, child, null);
      return ((SdkBuilder<?, ?>) child).build();
    }
    if (type == MarshallingType.LIST) {
      return members(r, field.getTrait(ListTrait.class).memberFieldInfo());
    }
    return convert(SIMPLE.get(type), text(r), field);
  }

  @SuppressWarnings("unchecked")
  private static <T> T convert(StringToValue<T> converter, String text, SdkField<?> field) {
    return converter.convert(text, (SdkField<T>) field);
  }

  /** The element's text; the empty string when it has none (as the SDK's tree gives it). */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    return r.getElementText();
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** A structure's fields, and their index by element name (the first field of a name wins). */
  private static final class Layout {
    final List<SdkField<?>> fields;
    final Map<String, Integer> byName = new HashMap<>();

    Layout(List<SdkField<?>> fields) {
      this.fields = List.copyOf(fields);
      for (int i = 0; i < fields.size(); i++) {
        byName.putIfAbsent(fields.get(i).unmarshallLocationName(), i);
      }
    }
  }

  private static Map<MarshallingType<?>, StringToValue<?>> simpleTypes() {
    Map<MarshallingType<?>, StringToValue<?>> m = new HashMap<>();
    m.put(MarshallingType.STRING, StringToValueConverter.TO_STRING);
    m.put(MarshallingType.INTEGER, StringToValueConverter.TO_INTEGER);
    m.put(MarshallingType.LONG, StringToValueConverter.TO_LONG);
    m.put(MarshallingType.FLOAT, StringToValueConverter.TO_FLOAT);
    m.put(MarshallingType.DOUBLE, StringToValueConverter.TO_DOUBLE);
    m.put(MarshallingType.BOOLEAN, StringToValueConverter.TO_BOOLEAN);
    m.put(MarshallingType.INSTANT, TO_INSTANT);
    m.put(MarshallingType.SDK_BYTES, StringToValueConverter.TO_SDK_BYTES);
    return Map.copyOf(m);
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }
}
