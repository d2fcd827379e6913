package dev.awsinventory.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** AWS region codes of the commercial, China and GovCloud partitions, and region globs. */
public final class Regions {
  private static final Set<String> KNOWN =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
                  "af-south-1",
                  "ap-east-1", "ap-east-2",
                  "ap-south-1", "ap-south-2",
                  "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
                  "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
                  "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                  "ca-central-1", "ca-west-1",
                  "eu-central-1", "eu-central-2",
                  "eu-west-1", "eu-west-2", "eu-west-3",
                  "eu-south-1", "eu-south-2",
                  "eu-north-1",
                  "il-central-1",
                  "me-south-1", "me-central-1",
                  "mx-central-1",
                  "sa-east-1",
                  "cn-north-1", "cn-northwest-1",
                  "us-gov-west-1", "us-gov-east-1")));

  private Regions() {}

  public static Set<String> known() {
    return KNOWN;
  }

  /** Glob match with {@code *} (any run of characters) and {@code ?} (one character). */
  public static boolean matches(String pattern, String region) {
    if (pattern.equals("*")) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), region);
  }

  static boolean isPattern(String region) {
    return region.indexOf('*') >= 0 || region.indexOf('?') >= 0;
  }

  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  static String defaultRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> "cn-north-1";
      case "aws-us-gov" -> "us-gov-west-1";
      default -> "us-east-1";
    };
  }
}
