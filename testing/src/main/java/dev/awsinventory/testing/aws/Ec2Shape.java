package dev.awsinventory.testing.aws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.ec2.model.Ec2Response;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * What the SDK model says about one EC2 action's response: its class, the list field that pages
 * (the first list of model objects, else the first list) and its NextToken field.
 */
final class Ec2Shape {

  private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.ec2.model.";
  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Za-z0-9]{1,100}");
  private static final Map<String, Ec2Shape> CACHE = new ConcurrentHashMap<>();

  private final String action;
  private final Class<?> responseClass;
  private final SdkField<?> listField;
  private final SdkField<?> tokenField;
  private final Class<?> memberClass;

  private Ec2Shape(String action, Class<?> responseClass) {
    this.action = action;
    this.responseClass = responseClass;
    List<SdkField<?>> fields = newBuilder().sdkFields();
    List<SdkField<?>> lists =
        fields.stream().filter(f -> f.marshallingType() == MarshallingType.LIST).toList();
    this.listField =
        lists.stream()
            .filter(f -> member(f).marshallingType() == MarshallingType.SDK_POJO)
            .findFirst()
            .orElse(lists.isEmpty() ? null : lists.get(0));
    this.tokenField =
        fields.stream().filter(f -> f.memberName().equals("NextToken")).findFirst().orElse(null);
    this.memberClass = listField == null ? null : memberClass(member(listField));
  }

  /** The shape of an action, or null when the SDK has no such EC2 action. */
  static Ec2Shape find(String action) {
    if (action == null || !ACTION.matcher(action).matches()) {
      return null;
    }
    Ec2Shape cached = CACHE.get(action);
    if (cached != null) {
      return cached;
    }
    try {
      Class<?> type = Class.forName(MODEL_PACKAGE + action + "Response");
      if (!Ec2Response.class.isAssignableFrom(type)) {
        return null;
      }
      return CACHE.computeIfAbsent(action, a -> new Ec2Shape(a, type));
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  static Ec2Shape of(String action) {
    Ec2Shape shape = find(action);
    if (shape == null) {
      throw new IllegalArgumentException("not an EC2 action of the AWS SDK: " + action);
    }
    return shape;
  }

  String action() {
    return action;
  }

  Class<?> responseClass() {
    return responseClass;
  }

  boolean paged() {
    return tokenField != null && listField != null;
  }

  boolean hasList() {
    return listField != null;
  }

  String listMemberName() {
    return listField.memberName();
  }

  Class<?> memberClass() {
    return memberClass;
  }

  /** A response holding these items (and the next token, if the action has one). */
  SdkPojo response(List<?> items, String nextToken) {
    SdkPojo builder = newBuilder();
    if (listField != null) {
      listField.set(builder, items);
    }
    if (tokenField != null && nextToken != null) {
      tokenField.set(builder, nextToken);
    }
    return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
  }

  private SdkPojo newBuilder() {
    try {
      return (SdkPojo) responseClass.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create a builder for " + responseClass, e);
    }
  }

  private static SdkField<?> member(SdkField<?> listField) {
    return listField.getTrait(ListTrait.class).memberFieldInfo();
  }

  private static Class<?> memberClass(SdkField<?> member) {
    if (member.marshallingType() == MarshallingType.SDK_POJO) {
      return ((SdkBuilder<?, ?>) member.constructor().get()).build().getClass();
    }
    return member.marshallingType().getTargetClass();
  }
}
