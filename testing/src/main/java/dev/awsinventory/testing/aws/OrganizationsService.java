package dev.awsinventory.testing.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Answers AWS Organizations (awsJson1_1, {@code X-Amz-Target:
 * AWSOrganizationsV20161128.<Operation>}) from the fake's {@link FakeOrganization}. Each
 * operation's response is the SDK model's {@code <Operation>Response}, filled generically: its one
 * list member gets the page of items, {@code NextToken} the continuation.
 */
final class OrganizationsService {

  static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
  private static final String MODEL = "software.amazon.awssdk.services.organizations.model.";
  private static final int MAX_RESULTS = 20;

  private OrganizationsService() {}

  static String answer(String operation, Call call, Identity caller, FakeAws aws) {
    FakeOrganization org = aws.organizationOf(caller.accountId());
    if (org == null) {
      throw new ServiceError(
          400,
          "AWSOrganizationsNotInUseException",
          "Your account is not a member of an organization.");
    }
    if (!org.managementAccountId().equals(caller.accountId())) {
      throw new ServiceError(
          400,
          "AccessDeniedException",
          "You don't have permissions to access this resource. "
              + "("
              + caller.arn()
              + " is not allowed organizations:"
              + operation
              + ")");
    }
    if (org.throttleNow()) {
      throw new ServiceError(
          400,
          "TooManyRequestsException",
          "AWS Organizations can't complete your request "
              + "because another request is already in progress. Try again later.");
    }
    JsonNode request =
        call.body().length == 0
            ? JsonNode.parser().parse("{}")
            : JsonNode.parser().parse(call.body());
    return switch (operation) {
      case "DescribeOrganization" ->
          JsonWriter.write(
              response(
                  operation,
                  Map.of(
                      "Organization",
                      Organization.builder()
                          .id(org.id())
                          .featureSet(OrganizationFeatureSet.ALL)
                          .arn(
                              "arn:aws:organizations::"
                                  + org.managementAccountId()
                                  + ":organization/"
                                  + org.id())
                          .masterAccountId(org.managementAccountId())
                          .masterAccountArn(
                              "arn:aws:organizations::"
                                  + org.managementAccountId()
                                  + ":account/"
                                  + org.id()
                                  + "/"
                                  + org.managementAccountId())
                          .masterAccountEmail("management@example.com")
                          .build())));
      case "ListRoots" -> page(operation, request, org, List.of(org.root()));
      case "ListAccounts" -> page(operation, request, org, org.accounts());
      case "ListAccountsForParent" ->
          page(operation, request, org, org.accountsUnder(parent(request, org)));
      case "ListOrganizationalUnitsForParent" ->
          page(operation, request, org, org.unitsUnder(parent(request, org)));
      case "ListChildren" -> page(operation, request, org, children(request, org));
      case "ListParents" -> page(operation, request, org, parents(request, org));
      case "ListTagsForResource" -> page(operation, request, org, tags(request, org));
      default ->
          throw new ServiceError(
              400, "UnknownOperationException", "Unknown operation " + operation);
    };
  }

  private static String parent(JsonNode request, FakeOrganization org) {
    String parentId = text(request, "ParentId");
    if (parentId == null || !org.hasParent(parentId)) {
      throw new ServiceError(
          400,
          "ParentNotFoundException",
          "We can't find a root or OU with the ParentId " + "that you specified.");
    }
    return parentId;
  }

  private static List<Object> children(JsonNode request, FakeOrganization org) {
    String parentId = parent(request, org);
    String type = text(request, "ChildType");
    List<Object> out = new ArrayList<>();
    if (ChildType.ACCOUNT.toString().equals(type)) {
      org.accountsUnder(parentId)
          .forEach(a -> out.add(Child.builder().id(a.id()).type(ChildType.ACCOUNT).build()));
    } else if (ChildType.ORGANIZATIONAL_UNIT.toString().equals(type)) {
      org.unitsUnder(parentId)
          .forEach(
              u -> out.add(Child.builder().id(u.id()).type(ChildType.ORGANIZATIONAL_UNIT).build()));
    } else {
      throw new ServiceError(
          400, "InvalidInputException", "ChildType must be ACCOUNT or ORGANIZATIONAL_UNIT");
    }
    return out;
  }

  private static List<Object> parents(JsonNode request, FakeOrganization org) {
    String childId = text(request, "ChildId");
    String parentId = childId == null ? null : org.parentOf(childId);
    if (parentId == null) {
      throw new ServiceError(
          400,
          "ChildNotFoundException",
          "We can't find an organizational unit (OU) or AWS "
              + "account with the ChildId that you specified.");
    }
    ParentType type = parentId.startsWith("r-") ? ParentType.ROOT : ParentType.ORGANIZATIONAL_UNIT;
    return List.of(Parent.builder().id(parentId).type(type).build());
  }

  private static List<Object> tags(JsonNode request, FakeOrganization org) {
    String resourceId = text(request, "ResourceId");
    if (resourceId == null || !org.exists(resourceId)) {
      throw new ServiceError(
          400,
          "TargetNotFoundException",
          "We can't find a root, OU, account, or policy "
              + "with the TargetId that you specified.");
    }
    List<Object> out = new ArrayList<>();
    org.tagsOf(resourceId).forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  /**
   * One page of the items: MaxResults (1-20, default {@link FakeOrganization#defaultPageSize()})
   * from the NextToken's offset. With empty pages on, an empty page with a NextToken comes before
   * each page of items.
   */
  private static String page(
      String operation, JsonNode request, FakeOrganization org, List<?> all) {
    String token = text(request, "NextToken");
    int from = 0;
    boolean itemsDue = !org.emptyPages();
    if (token != null) {
      String[] parts = decode(operation, token);
      from = Math.min(Integer.parseInt(parts[0]), all.size());
      itemsDue = itemsDue || "items".equals(parts[1]);
    }
    String max = text(request, "MaxResults");
    int size = max == null ? org.defaultPageSize() : Integer.parseInt(max);
    if (size < 1 || size > MAX_RESULTS) {
      throw new ServiceError(
          400, "InvalidInputException", "MaxResults must be between 1 and " + MAX_RESULTS);
    }
    if (!itemsDue) {
      return JsonWriter.write(listResponse(operation, List.of(), encode(operation, from, "items")));
    }
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? encode(operation, to, "empty") : null;
    return JsonWriter.write(listResponse(operation, all.subList(from, to), next));
  }

  private static SdkPojo listResponse(String operation, List<?> items, String nextToken) {
    SdkPojo builder = builder(operation);
    for (SdkField<?> field : builder.sdkFields()) {
      if (field.marshallingType() == MarshallingType.LIST) {
        field.set(builder, List.copyOf(items));
      } else if ("NextToken".equals(field.memberName())) {
        field.set(builder, nextToken);
      }
    }
    return build(builder);
  }

  private static SdkPojo response(String operation, Map<String, Object> members) {
    SdkPojo builder = builder(operation);
    for (SdkField<?> field : builder.sdkFields()) {
      if (members.containsKey(field.memberName())) {
        field.set(builder, members.get(field.memberName()));
      }
    }
    return build(builder);
  }

  private static SdkPojo builder(String operation) {
    try {
      return (SdkPojo)
          Class.forName(MODEL + operation + "Response").getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no SDK response model for " + operation, e);
    }
  }

  private static SdkPojo build(SdkPojo builder) {
    return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
  }

  private static String text(JsonNode request, String member) {
    return request
        .field(member)
        .filter(n -> !n.isNull())
        .map(n -> n.isNumber() ? n.asNumber() : n.asString())
        .orElse(null);
  }

  private static String encode(String operation, int offset, String next) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((operation + ":" + offset + ":" + next).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String operation, String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length == 3 && parts[0].equals(operation)) {
        return new String[] {parts[1], parts[2]};
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error
    }
    throw new ServiceError(
        400, "InvalidInputException", "The NextToken is not valid for " + operation);
  }
}
