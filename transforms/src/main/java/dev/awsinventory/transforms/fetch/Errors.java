package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.model.SliceError;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Short, safe descriptions of fetch errors: an AWS error code and a one-line message. */
public final class Errors {
  private static final int MAX_MESSAGE = 500;
  private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");
  private static final Pattern SECRET_PAIR =
      Pattern.compile(
          "(?i)(secret[_ ]?access[_ ]?key|session[_ ]?token|password|x-amz-security-token)(\\s*[\"'=:][\"'=: ]*)[^\\s,\"'&}]+");

  private Errors() {}

  /**
   * The AWS error code of {@code e}, {@code ClientError} for the SDK's plain client error (a
   * dropped connection, a timeout), or else the exception's class name.
   */
  public static String code(Throwable e) {
    e = unwrap(e);
    if (e instanceof AwsServiceException s
        && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorCode() != null) {
      return s.awsErrorDetails().errorCode();
    }
    if (e.getClass() == SdkClientException.class) {
      return "ClientError";
    }
    return e.getClass().getSimpleName();
  }

  /** {@code e} as a slice's error: its {@link #code} and {@link #message}. */
  public static SliceError of(Throwable e) {
    return new SliceError(code(e), message(e));
  }

  /** The message of {@code e} on one line, {@link #redact redacted} and at most 500 characters. */
  public static String message(Throwable e) {
    e = unwrap(e);
    String m =
        e instanceof AwsServiceException s
                && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorMessage() != null
            ? s.awsErrorDetails().errorMessage()
            : String.valueOf(e.getMessage());
    return redact(m.replaceAll("\\s+", " ").trim());
  }

  /**
   * The SDK wraps an exception thrown by an interceptor (such as the slice deadline) in a plain
   * {@link SdkClientException}; the inner one is what happened.
   */
  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t.getClass() == SdkClientException.class
        && t.getCause() instanceof SdkClientException inner
        && inner != t) {
      t = inner;
    }
    return t;
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
