package fitcoach.app;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed {@code postgres://user:pass@host:port/db?sslmode=...} URL, usable by both JDBC (Flyway) and the reactive client. */
public record DatabaseUrl(String host, int port, String database, String user, String password, Map<String, String> params) {

  public static DatabaseUrl parse(String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (Exception e) {
      throw new IllegalArgumentException("is not a valid URL; expected postgres://user:pass@host:port/db");
    }
    String scheme = uri.getScheme();
    if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
      throw new IllegalArgumentException("must start with postgres:// or postgresql://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("has no host; expected postgres://user:pass@host:port/db");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
    if (path.isBlank()) {
      throw new IllegalArgumentException("has no database name; expected postgres://user:pass@host:port/db");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new DatabaseUrl(uri.getHost(), port, decode(path), user, password, Map.copyOf(params));
  }

  public String jdbcUrl() {
    StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/').append(database);
    String sslmode = params.get("sslmode");
    if (sslmode != null) {
      sb.append("?sslmode=").append(sslmode);
    }
    return sb.toString();
  }

  public String redacted() {
    return "postgres://" + user + ":***@" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return redacted();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
