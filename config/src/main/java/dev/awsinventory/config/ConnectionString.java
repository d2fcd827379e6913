package dev.awsinventory.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a PostgreSQL connection string: libpq key=value DSN, postgres:// URI or jdbc:postgresql:
 * URL. Error messages never repeat the string itself, as it may hold a password.
 */
final class ConnectionString {
  private static final Map<String, String> JDBC_NAMES =
      Map.of(
          "sslmode", "sslmode",
          "sslrootcert", "sslrootcert",
          "sslcert", "sslcert",
          "sslkey", "sslkey",
          "application_name", "ApplicationName",
          "connect_timeout", "connectTimeout",
          "search_path", "currentSchema");
  private static final Set<String> IGNORED =
      Set.of(
          "target_session_attrs",
          "sslsni",
          "sslpassword",
          "passfile",
          "service",
          "servicefile",
          "krbsrvname",
          "krbspn",
          "min_read_buffer_size",
          "statement_cache_capacity",
          "description_cache_capacity",
          "default_query_exec_mode",
          "pool_max_conns",
          "pool_min_conns",
          "pool_max_conn_lifetime",
          "pool_max_conn_lifetime_jitter",
          "pool_max_conn_idle_time",
          "pool_health_check_period");
  static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  private final YamlNode where;
  String host = "localhost";
  int port = 5432;
  String database = "postgres";
  String user = "postgres";
  String password;
  final Map<String, String> params = new LinkedHashMap<>();

  ConnectionString(YamlNode where) {
    this.where = where;
  }

  static DatabaseConfig parse(YamlNode node) throws ConfigException {
    String text = node.string().trim();
    ConnectionString c = new ConnectionString(node);
    if (text.isEmpty()) {
      throw node.error("empty connection string");
    }
    if (text.startsWith("jdbc:")) {
      return c.jdbc(text);
    }
    if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
      c.uri(text.substring(text.indexOf("://") + 3));
    } else if (text.contains("=")) {
      c.dsn(text);
    } else {
      throw node.error(
          "not a PostgreSQL connection string; expected key=value pairs,"
              + " a postgres:// URI or a jdbc:postgresql: URL");
    }
    return c.toConfig();
  }

  DatabaseConfig toConfig() {
    return DatabaseConfig.of(host, port, database, user, password, params);
  }

  void set(String key, String value) throws ConfigException {
    switch (key) {
      case "host" -> host = value.isEmpty() ? "localhost" : value;
      case "port" -> port = port(value);
      case "dbname", "database" -> database = value;
      case "user" -> user = value;
      case "password" -> password = value;
      case "sslmode" -> params.put("sslmode", sslMode(value));
      default -> {
        if (JDBC_NAMES.containsKey(key)) {
          params.put(JDBC_NAMES.get(key), value);
        } else if (!IGNORED.contains(key)) {
          List<String> known =
              new ArrayList<>(List.of("host", "port", "dbname", "user", "password"));
          known.addAll(JDBC_NAMES.keySet());
          throw where.error(
              "unknown connection parameter '" + key + "'" + Suggest.didYouMean(key, known));
        }
      }
    }
  }

  int port(String value) throws ConfigException {
    try {
      int p = Integer.parseInt(value.trim());
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw where.error("the port in the connection string must be a number from 1 to 65535");
  }

  String sslMode(String value) throws ConfigException {
    if (!SSL_MODES.contains(value)) {
      throw where.error("unknown sslmode '" + value + "'" + Suggest.didYouMean(value, SSL_MODES));
    }
    return value;
  }

  private void dsn(String text) throws ConfigException {
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return;
      }
      int keyStart = i;
      while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String key = text.substring(keyStart, i);
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (key.isEmpty() || i >= n || text.charAt(i) != '=') {
        throw where.error(
            "malformed connection string; expected key=value pairs separated by spaces");
      }
      i++;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      boolean quoted = i < n && text.charAt(i) == '\'';
      if (quoted) {
        i++;
      }
      while (i < n) {
        char c = text.charAt(i);
        if (quoted ? c == '\'' : Character.isWhitespace(c)) {
          break;
        }
        if (c == '\\' && i + 1 < n) {
          c = text.charAt(++i);
        }
        value.append(c);
        i++;
      }
      if (quoted) {
        if (i >= n) {
          throw where.error("unterminated quoted value for '" + key + "' in the connection string");
        }
        i++;
      }
      set(key, value.toString());
    }
  }

  private void uri(String rest) throws ConfigException {
    int q = rest.indexOf('?');
    String query = q >= 0 ? rest.substring(q + 1) : "";
    String main = q >= 0 ? rest.substring(0, q) : rest;
    int slash = main.indexOf('/');
    String authority = slash >= 0 ? main.substring(0, slash) : main;
    if (slash >= 0 && slash + 1 < main.length()) {
      database = decode(main.substring(slash + 1));
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1));
      }
      authority = authority.substring(at + 1);
    }
    hostAndPort(authority);
    for (String pair : query.split("&", -1)) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
        set(key, eq >= 0 ? decode(pair.substring(eq + 1)) : "");
      }
    }
  }

  private void hostAndPort(String authority) throws ConfigException {
    if (authority.contains(",")) {
      throw where.error("connection strings with several hosts are not supported");
    }
    String hostPart = authority;
    String portPart = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw where.error("malformed IPv6 host in the connection URI");
      }
      hostPart = authority.substring(1, close);
      if (authority.length() > close + 1 && authority.charAt(close + 1) == ':') {
        portPart = authority.substring(close + 2);
      }
    } else if (authority.contains(":")) {
      hostPart = authority.substring(0, authority.indexOf(':'));
      portPart = authority.substring(authority.indexOf(':') + 1);
    }
    if (!hostPart.isEmpty()) {
      host = decode(hostPart);
    }
    if (portPart != null && !portPart.isEmpty()) {
      port = port(portPart);
    }
  }

  private DatabaseConfig jdbc(String text) throws ConfigException {
    if (!text.startsWith("jdbc:postgresql:")) {
      throw where.error("only jdbc:postgresql: URLs are supported");
    }
    int q = text.indexOf('?');
    String base = q >= 0 ? text.substring(0, q) : text;
    if (base.contains("@")) {
      throw where.error(
          "put user and password in ?user=...&password=... of a JDBC URL, not before '@'");
    }
    List<String> kept = new ArrayList<>();
    String jdbcUser = "postgres";
    String jdbcPassword = null;
    for (String pair : q >= 0 ? text.substring(q + 1).split("&") : new String[0]) {
      int eq = pair.indexOf('=');
      String key = eq >= 0 ? pair.substring(0, eq) : pair;
      String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
      if (key.equals("user")) {
        jdbcUser = value;
      } else if (key.equals("password")) {
        jdbcPassword = value;
      } else if (!pair.isEmpty()) {
        kept.add(pair);
      }
    }
    String url = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    return DatabaseConfig.ofJdbcUrl(url, jdbcUser, jdbcPassword);
  }

  private String decode(String text) throws ConfigException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int percent = text.indexOf('%', i);
      int end = percent < 0 ? text.length() : percent;
      bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
      if (percent < 0) {
        break;
      }
      int high = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
      int low = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 2), 16) : -1;
      if (high < 0 || low < 0) {
        throw where.error("malformed %-escape in the connection string");
      }
      bytes.write(high * 16 + low);
      i = percent + 3;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
