package dev.awsinventory.transforms.model;

/** CloudQuery's column naming: SDK member names in snake_case. */
public final class Names {
  private Names() {}

  /**
   * {@code InstanceId -> instance_id}, {@code Ipv6Address -> ipv6_address}, {@code DNSName ->
   * dns_name}.
   */
  public static String snake(String memberName) {
    StringBuilder out = new StringBuilder(memberName.length() + 8);
    for (int i = 0; i < memberName.length(); i++) {
      char c = memberName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit = i > 0 && !Character.isUpperCase(memberName.charAt(i - 1));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(memberName.charAt(i - 1))
                && i + 1 < memberName.length()
                && Character.isLowerCase(memberName.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
