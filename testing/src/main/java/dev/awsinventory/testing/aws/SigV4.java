package dev.awsinventory.testing.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** AWS Signature Version 4 as sent in the Authorization header: parsing and verification. */
final class SigV4 {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Pattern HEADER =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/\\s,]+)/(\\d{8})/([^/\\s,]+)/([^/\\s,]+)/aws4_request\\s*,\\s*"
              + "SignedHeaders=([^\\s,]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");

  /** The parts of an Authorization header. */
  record Auth(
      String accessKeyId,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature) {

    String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }
  }

  private SigV4() {}

  /** The parsed header, or null when absent or not a SigV4 header. */
  static Auth parse(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher m = HEADER.matcher(authorization.trim());
    if (!m.matches()) {
      return null;
    }
    return new Auth(
        m.group(1),
        m.group(2),
        m.group(3),
        m.group(4),
        Arrays.asList(m.group(5).split(";")),
        m.group(6));
  }

  static boolean verify(Call call, Auth auth, String secretAccessKey) {
    String amzDate = call.header("x-amz-date");
    if (amzDate == null
        || !amzDate.startsWith(auth.date())
        || !auth.signedHeaders().contains("host")) {
      return false;
    }
    String canonical = canonicalRequest(call, auth.signedHeaders());
    if (canonical == null) {
      return false;
    }
    String stringToSign =
        ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n" + hex(sha256(bytes(canonical)));
    byte[] key = hmac(bytes("AWS4" + secretAccessKey), auth.date());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, stringToSign));
    return MessageDigest.isEqual(bytes(expected), bytes(auth.signature()));
  }

  static String canonicalRequest(Call call, List<String> signedHeaders) {
    StringBuilder headers = new StringBuilder();
    for (String name : signedHeaders) {
      List<String> values = call.headers(name);
      if (values == null) {
        return null;
      }
      headers
          .append(name)
          .append(':')
          .append(String.join(",", values.stream().map(SigV4::trimAll).toList()))
          .append('\n');
    }
    return call.method()
        + "\n"
        + canonicalPath(call.rawPath())
        + "\n"
        + canonicalQuery(call.rawQuery())
        + "\n"
        + headers
        + "\n"
        + String.join(";", signedHeaders)
        + "\n"
        + payloadHash(call);
  }

  private static String payloadHash(Call call) {
    String declared = call.header("x-amz-content-sha256");
    String actual = hex(sha256(call.body()));
    if (declared != null && declared.startsWith("UNSIGNED-PAYLOAD")) {
      return declared;
    }
    return declared != null && !declared.equals(actual) ? declared + "-mismatch" : actual;
  }

  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      segments.add(encode(segment));
    }
    return String.join("/", segments);
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.add(new String[] {encode(key), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
  }

  /** RFC 3986 percent-encoding of everything but unreserved characters. */
  static String encode(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes(text)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  private static String trimAll(String value) {
    return value.trim().replaceAll("\\s+", " ");
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(bytes(data));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(byte[] data) {
    return HexFormat.of().formatHex(data);
  }
}
