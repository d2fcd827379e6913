package dev.awsinventory.transforms.fetch;

import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Short, safe descriptions of fetch errors: an AWS error code and a one-line message. */
public final class Errors {
  private static final int MAX_MESSAGE = 500;
  private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");
  private static final Pattern SECRET_PAIR = Pattern.compile(
      "(?i)(secret[_ ]?access[_ ]?key|session[_ ]?token|password|x-amz-security-token)([\"'=: ]+)[^\\s,\"'&}]+");

  private Errors() {}

  public static String code(Throwable e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorCode() != null) {
      return s.awsErrorDetails().errorCode();
    }
    if (e instanceof SdkClientException) {
      return "ClientError";
    }
    return e.getClass().getSimpleName();
  }

  public static String message(Throwable e) {
    String m = e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorMessage() != null
        ? s.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
    return redact(m.replaceAll("\\s+", " ").trim());
  }

  /** Masks anything that looks like an access key id, secret, token or password. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = ACCESS_KEY.matcher(text).replaceAll("$1***");
    out = SECRET_PAIR.matcher(out).replaceAll("$1$2***");
    return out.length() > MAX_MESSAGE ? out.substring(0, MAX_MESSAGE) + "..." : out;
  }
}
