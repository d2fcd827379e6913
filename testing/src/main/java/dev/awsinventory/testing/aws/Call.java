package dev.awsinventory.testing.aws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as received: method, raw path and query, headers (lower-case names), body and
 * form params.
 */
final class Call {

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Map<String, String> params;

  Call(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.params = new LinkedHashMap<>();
    parseForm(rawQuery, params);
    String type = header("content-type");
    if (type == null
        || type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      parseForm(new String(body, StandardCharsets.UTF_8), params);
    }
  }

  static Call read(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values));
    return new Call(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        body);
  }

  String method() {
    return method;
  }

  String rawPath() {
    return rawPath;
  }

  String rawQuery() {
    return rawQuery;
  }

  byte[] body() {
    return body;
  }

  List<String> headers(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  String param(String name) {
    return params.get(name);
  }

  Integer intParam(String name) {
    String value = params.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new ServiceError(
          400,
          "InvalidParameterValue",
          "Value (" + value + ") for parameter " + name + " is invalid.");
    }
  }

  boolean hasFilters() {
    return params.keySet().stream().anyMatch(k -> k.startsWith("Filter."));
  }

  /** Values of a query list parameter such as {@code RegionName.1}, {@code RegionName.2}. */
  List<String> list(String name) {
    List<String> values = new ArrayList<>();
    for (int i = 1; params.containsKey(name + "." + i); i++) {
      values.add(params.get(name + "." + i));
    }
    return values;
  }

  /** EC2 filters: {@code Filter.N.Name} and {@code Filter.N.Value.M}, by name. */
  Map<String, List<String>> filters() {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (int i = 1; params.containsKey("Filter." + i + ".Name"); i++) {
      filters.put(params.get("Filter." + i + ".Name"), list("Filter." + i + ".Value"));
    }
    return filters;
  }

  private static void parseForm(String form, Map<String, String> into) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }
}
