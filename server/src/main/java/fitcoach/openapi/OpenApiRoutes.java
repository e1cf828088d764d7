package fitcoach.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of every route (src/main/resources/openapi.json), read once at wiring.
 * It changes only with a release, so it is cacheable and revalidated by its content hash.
 */
public final class OpenApiRoutes {
  public static final String PATH = "/api/openapi.json";
  static final String RESOURCE = "openapi.json";
  private final Buffer document;
  private final String etag;

  OpenApiRoutes(byte[] document) {
    this.document = Buffer.buffer(document);
    this.etag = "\"" + hash(document) + "\"";
  }

  /** The document's bytes from the classpath; read at wiring, before the event loops start. */
  public static byte[] load() {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The API contract " + RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  public void mount(Router router) {
    router.get(PATH).handler(this::send);
  }

  private void send(RoutingContext ctx) {
    ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "public, max-age=3600, must-revalidate");
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(document);
  }

  private static String hash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
