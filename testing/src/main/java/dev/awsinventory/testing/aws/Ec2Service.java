package dev.awsinventory.testing.aws;

import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/** Answers any EC2 action from the stored items or response of the caller's account and region. */
final class Ec2Service {

  private Ec2Service() {}

  static String answer(
      Ec2Shape shape,
      Call call,
      FakeAccount account,
      FakeRegion region,
      Faults faults,
      String requestId) {
    String action = shape.action();
    SdkPojo fixed = region.response(action);
    if (fixed != null) {
      return XmlWriter.ec2(action, fixed, requestId);
    }
    if (action.equals("DescribeRegions") && !region.hasItems(action)) {
      return XmlWriter.ec2(action, RegionCatalog.describe(account, call), requestId);
    }
    if (!shape.hasList()) {
      return XmlWriter.ec2(action, shape.response(List.of(), null), requestId);
    }
    List<Object> all = region.items(action);
    if (!shape.paged()) {
      return XmlWriter.ec2(action, shape.response(all, null), requestId);
    }
    String token = call.param("NextToken");
    int from =
        token == null || token.isEmpty()
            ? 0
            : Math.min(PageToken.decode(action, token), all.size());
    Integer max = call.intParam("MaxResults");
    int to = max == null ? all.size() : (int) Math.min(all.size(), (long) from + Math.max(1, max));
    String next =
        to < all.size()
            ? PageToken.encode(action, nextOffset(faults.tokenFault(action), from, to))
            : null;
    return XmlWriter.ec2(action, shape.response(all.subList(from, to), next), requestId);
  }

  /**
   * The offset the next token points at: {@code to}, unless a token fault makes pagination stall.
   */
  private static int nextOffset(Faults.TokenFault fault, int from, int to) {
    if (fault == null || from == 0) {
      return to;
    }
    int page = to - from;
    return switch (fault) {
      case REPEAT -> from;
      case CYCLE -> to >= 3 * page ? page : to;
    };
  }
}
