package dev.awsinventory.config;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/** Where the PostgreSQL destination is. The password is kept out of the URL and of toString. */
public final class DatabaseConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String jdbcUrl;
  private final String user;
  private final String password;

  private DatabaseConfig(String jdbcUrl, String user, String password) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
    this.user = Objects.requireNonNull(user);
    this.password = password;
  }

  /**
   * For callers that already have a database, e.g. an embedded one. {@code jdbcUrl} must not
   * contain credentials.
   */
  public static DatabaseConfig of(String jdbcUrl, String user, String password) {
    int query = jdbcUrl.indexOf('?');
    if (query >= 0) {
      for (String pair : jdbcUrl.substring(query + 1).split("&", -1)) {
        String key = pair.split("=", 2)[0];
        if (key.equals("user") || key.equals("password")) {
          throw new IllegalArgumentException(
              "pass user and password separately, not in the JDBC URL");
        }
      }
    }
    return new DatabaseConfig(jdbcUrl, user, password);
  }

  static DatabaseConfig of(
      String host,
      int port,
      String database,
      String user,
      String password,
      Map<String, String> params) {
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    StringBuilder url =
        new StringBuilder("jdbc:postgresql://")
            .append(hostPart)
            .append(':')
            .append(port)
            .append('/')
            .append(encode(database));
    if (!params.isEmpty()) {
      StringJoiner query = new StringJoiner("&", "?", "");
      params.forEach((k, v) -> query.add(k + "=" + encode(v)));
      url.append(query);
    }
    return new DatabaseConfig(url.toString(), user, password);
  }

  static DatabaseConfig ofJdbcUrl(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(jdbcUrl, user, password);
  }

  /**
   * A JDBC URL without user or password, e.g. {@code jdbc:postgresql://localhost:5432/postgres}.
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** Safe to print: never contains the password. */
  public String displayUrl() {
    return jdbcUrl;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabaseConfig d
        && jdbcUrl.equals(d.jdbcUrl)
        && user.equals(d.user)
        && Objects.equals(password, d.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jdbcUrl, user);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + jdbcUrl
        + ", user="
        + user
        + (password == null ? "" : ", password=***")
        + "]";
  }
}
