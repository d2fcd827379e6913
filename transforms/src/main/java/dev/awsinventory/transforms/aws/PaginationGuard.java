package dev.awsinventory.transforms.aws;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Notices pagination that does not advance, for one slice: the NextToken of every response is
 * remembered per call (the operation and its request without the token), and a token that comes
 * back again is a repeat; the second repeat of a call (a token AWS keeps returning, or a cycle of
 * tokens) fails the slice with {@link PaginationStalledException}. Seen by the SDK interceptor, so
 * the SDK paginators and hand-written NextToken loops are guarded alike. Not thread-safe: one per
 * slice, used by the slice's thread.
 */
final class PaginationGuard {
  static final String NEXT_TOKEN = "NextToken";
  static final int MAX_REPEATS = 2;

  private final Map<String, Set<String>> seen = new HashMap<>();
  private final Map<String, Integer> repeats = new HashMap<>();

  /**
   * Records a response's NextToken.
   *
   * @throws PaginationStalledException on the second repeated token of the same call
   */
  void check(String operation, SdkRequest request, SdkResponse response) {
    String token = token(response);
    if (token == null || token.isEmpty()) {
      return;
    }
    String call = operation + callKey(request);
    if (seen.computeIfAbsent(call, k -> new HashSet<>()).add(token)) {
      return;
    }
    int n = repeats.merge(call, 1, Integer::sum);
    if (n >= MAX_REPEATS) {
      throw new PaginationStalledException(
          "pagination did not advance: "
              + operation
              + " returned a NextToken it had returned before, "
              + n
              + " times");
    }
  }

  private static String token(SdkPojo pojo) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.memberName().equals(NEXT_TOKEN)) {
        Object v = f.getValueOrDefault(pojo);
        return v == null ? null : v.toString();
      }
    }
    return null;
  }

  /** The request's members except its NextToken: one paginated call of one parent resource. */
  private static String callKey(SdkPojo request) {
    StringBuilder key = new StringBuilder();
    for (SdkField<?> f : request.sdkFields()) {
      if (!f.memberName().equals(NEXT_TOKEN)) {
        Object v = f.getValueOrDefault(request);
        if (v != null) {
          key.append('|').append(f.memberName()).append('=').append(v);
        }
      }
    }
    return key.toString();
  }
}
