package dev.awsinventory.testing.aws;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues access keys (IAM users, role sessions) and finds the identity behind a key. */
final class Keys {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final Map<String, Identity> byAccessKey = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger users = new AtomicInteger();

  Identity newUser(String accountId) {
    String name = "inventory-user-" + users.incrementAndGet();
    Identity user =
        new Identity(
            unique("AKIA"),
            secret(),
            null,
            accountId,
            "arn:aws:iam::" + accountId + ":user/" + name,
            "AIDA" + code(17),
            null);
    byAccessKey.put(user.accessKeyId(), user);
    return user;
  }

  Identity newSession(Role role, String sessionName, Instant expiration) {
    String token = "FwoGZXIvYXdzE" + Base64.getEncoder().encodeToString(bytes(96));
    Identity session =
        new Identity(
            unique("ASIA"),
            secret(),
            token,
            role.accountId(),
            "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName,
            roleId(role) + ":" + sessionName,
            expiration);
    byAccessKey.put(session.accessKeyId(), session);
    return session;
  }

  /** Every key issued so far: users' and sessions'. */
  java.util.List<Credentials> all() {
    return byAccessKey.values().stream().map(Identity::credentials).toList();
  }

  Identity find(String accessKeyId) {
    return accessKeyId == null ? null : byAccessKey.get(accessKeyId);
  }

  static String roleId(Role role) {
    return "AROA" + Integer.toHexString(role.arn().hashCode()).toUpperCase(Locale.ROOT) + "EXAMPLE";
  }

  private String unique(String prefix) {
    while (true) {
      String key = prefix + code(16);
      if (!byAccessKey.containsKey(key)) {
        return key;
      }
    }
  }

  private String secret() {
    return Base64.getEncoder().encodeToString(bytes(30));
  }

  private String code(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
