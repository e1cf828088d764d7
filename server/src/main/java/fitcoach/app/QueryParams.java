package fitcoach.app;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Typed query parameters with the same 422 errors as request bodies, and the check that a query string can be read at all. */
public final class QueryParams {
  private QueryParams() {
  }

  /**
   * Refuses, with a 400 naming the parameter, a query string Vert.x would fail on later (a lone or broken {@code %}
   * escape) or whose text is not text: invalid UTF-8, or a NUL. Runs before every route, the OAuth callback included,
   * so no handler meets a query it cannot decode, and an upload is refused before its body is read.
   */
  public static void wellFormed(RoutingContext ctx) {
    String query = ctx.request().query();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String decodedName = decode(name);
        if (decodedName == null) {
          ctx.fail(ApiException.badRequest("malformed_query", "A query parameter name is not validly percent-encoded UTF-8 text"));
          return;
        }
        if (eq >= 0 && decode(pair.substring(eq + 1)) == null) {
          String shown = printable(decodedName);
          ctx.fail(new ApiException(400, "malformed_query",
              "The query parameter '" + shown + "' is not validly percent-encoded UTF-8 text", shown, null));
          return;
        }
      }
    }
    ctx.next();
  }

  /** The decoded text, or null when an escape is broken, the bytes are not UTF-8, or the text holds a NUL. */
  private static String decode(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        // The request line arrives as ISO-8859-1: a raw byte above 0x7f is one char of the same value.
        bytes.write(c & 0xff);
      }
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
      return text.indexOf('\0') >= 0 ? null : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String printable(String name) {
    String shown = name.length() > 50 ? name.substring(0, 50) + "…" : name;
    return shown.replace("\0", "\\u0000");
  }

  public static int integer(MultiMap params, String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "invalid_type", "'" + name + "' must be a whole number");
    }
    if (n < min || n > max) {
      throw ApiException.invalid(name, "out_of_range", "'" + name + "' must be between " + min + " and " + max);
    }
    return n;
  }

  /** A date in {@link DateWindow}, or {@code fallback} when absent. */
  public static LocalDate date(MultiMap params, String name, LocalDate fallback) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "invalid_value", "'" + name + "' must be a date like 2026-11-24");
    }
    return DateWindow.require(name, date);
  }

  /** A path parameter that names a row by UUID; anything else names nothing, so it is 404 {@code notFound}. */
  public static java.util.UUID pathId(RoutingContext ctx, String name, String notFound) {
    try {
      return java.util.UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound(notFound);
    }
  }
}
