package dev.awsinventory.testing.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque NextToken: base64 of the action and the offset of the next page. */
final class PageToken {

  private PageToken() {}

  static String encode(String action, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((action + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String action, String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
      int colon = text.lastIndexOf(':');
      if (colon > 0 && text.substring(0, colon).equals(action)) {
        int offset = Integer.parseInt(text.substring(colon + 1));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new ServiceError(400, "InvalidPaginationToken", "The pagination token is not valid.");
  }
}
