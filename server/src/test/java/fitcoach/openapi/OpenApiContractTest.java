package fitcoach.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiContract;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The API contract (server/src/main/resources/openapi.json) stays true to the router, to OpenAPI 3.1, and is served. */
class OpenApiContractTest extends ApiTest {
  /**
   * Routes with a method that are the web UI or the SockJS bridge, not the API: everything else the router serves must
   * be in the document.
   */
  private static final Set<String> NOT_API = Set.of("GET /", "GET /index.html", "GET /assets/*", "GET *", "POST /eventbus/*",
      "ANY /eventbus/*");


  /** The operations the document lists for {@code path}, as "METHOD path". */
  private static List<String> documentedMethods(String path) {
    return ApiContract.operations().stream().filter(op -> op.endsWith(" " + path)).toList();
  }

  @Test
  @DisplayName("Every route the router mounts is an operation of the document, and every operation is a mounted route")
  void documentListsEveryRoute() {
    TreeSet<String> mounted = new TreeSet<>();
    TreeSet<String> notApi = new TreeSet<>();
    for (Route r : app.routes()) {
      String path = r.getPath() == null ? "*" : r.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}") + (r.isExactPath() ? "" : "*");
      if (r.methods() == null) {
        if (r.getPath() == null || path.startsWith("/api/")) {
          continue; // guards in front of every route or a feature's routes (sign-in, bodies, the UI's files), not routes of their own
        }
        if (path.equals("/mcp")) {
          // The MCP endpoint answers every other method 405 (Allow: POST); clients probe GET and DELETE.
          mounted.add("GET /mcp");
          mounted.add("DELETE /mcp");
        } else if (NOT_API.contains("ANY " + path)) {
          notApi.add("ANY " + path);
        } else if (documentedMethods(path).isEmpty()) {
          mounted.add("ANY " + path);
        } else {
          // A route for every method (it answers the others 405 itself) is documented by the methods it serves.
          mounted.addAll(documentedMethods(path));
        }
        continue;
      }
      for (HttpMethod m : r.methods()) {
        String key = m.name() + " " + path;
        (NOT_API.contains(key) ? notApi : mounted).add(key);
      }
    }
    TreeSet<String> documented = new TreeSet<>(ApiContract.operations());

    TreeSet<String> missing = new TreeSet<>(mounted);
    missing.removeAll(documented);
    TreeSet<String> stale = new TreeSet<>(documented);
    stale.removeAll(mounted);
    List<String> problems = new ArrayList<>();
    for (String route : missing) {
      String[] parts = route.split(" ", 2);
      problems.add(route + " is mounted but not documented. Add to server/src/main/resources/openapi.json, under \"paths\" → \""
          + parts[1] + "\"" + (parts[0].equals("ANY") ? " (one entry per method it answers)" : "") + ", and fill in its schemas:\n"
          + skeleton(parts[0], parts[1]));
    }
    for (String route : stale) {
      problems.add(route + " is documented but no route serves it: remove it from openapi.json (or mount it)");
    }
    assertThat(problems).as("openapi.json against the router").isEmpty();
    // The exclusions must still exist, so a route cannot hide behind a name that no longer matches.
    assertThat(notApi).as("the UI and bridge routes left out of the document").isEqualTo(new TreeSet<>(NOT_API));
  }

  /** The operation to paste for a route the document lacks: the lead fills in the summary and the response schema. */
  static String skeleton(String method, String path) {
    StringBuilder id = new StringBuilder(method.toLowerCase(java.util.Locale.ROOT));
    List<String> parameters = new ArrayList<>();
    for (String part : path.replaceFirst("^/api/", "/").split("[/.-]")) {
      if (part.startsWith("{")) {
        parameters.add(part.substring(1, part.length() - 1));
      } else if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (!parameters.isEmpty()) {
      id.append("By");
      parameters.forEach(p -> id.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1)));
    }
    JsonObject op = new JsonObject().put("tags", new io.vertx.core.json.JsonArray().add(path.replaceFirst("^/api/", "").split("/")[0]))
        .put("summary", "TODO what it does").put("operationId", id.toString());
    if (!parameters.isEmpty()) {
      io.vertx.core.json.JsonArray params = new io.vertx.core.json.JsonArray();
      parameters.forEach(p -> params.add(new JsonObject().put("name", p).put("in", "path").put("required", true)
          .put("schema", new JsonObject().put("type", "string").put("format", "uuid"))));
      op.put("parameters", params);
    }
    op.put("security", new io.vertx.core.json.JsonArray().add(new JsonObject().put("session", new io.vertx.core.json.JsonArray())));
    JsonObject ok = method.equals("DELETE") ? new JsonObject().put("description", "No content")
        : new JsonObject().put("description", "OK").put("content", new JsonObject().put("application/json",
            new JsonObject().put("schema", new JsonObject().put("type", "object").put("properties", new JsonObject())
                .put("required", new io.vertx.core.json.JsonArray()).put("additionalProperties", false))));
    op.put("responses", new JsonObject().put(method.equals("DELETE") ? "204" : method.equals("POST") ? "201" : "200", ok)
        .put("401", new JsonObject().put("$ref", "#/components/responses/E401"))
        .put("default", new JsonObject().put("$ref", "#/components/responses/Error")));
    return "\"" + method.toLowerCase(java.util.Locale.ROOT) + "\": " + op.encodePrettily();
  }

  @Test
  @DisplayName("A route the document lacks is reported with the operation to paste")
  void missingRouteMessage() {
    String s = skeleton("PUT", "/api/settings/privacy-zones/{id}");
    assertThat(s).startsWith("\"put\": {").contains("\"operationId\" : \"putSettingsPrivacyZonesById\"")
        .contains("\"name\" : \"id\"").contains("#/components/responses/Error");
    assertThat(skeleton("GET", "/metrics")).contains("\"operationId\" : \"getMetrics\"").doesNotContain("parameters");
  }

  @Test
  @DisplayName("The document is a valid OpenAPI 3.1 contract, with a unique operationId and an error response per operation")
  void documentIsValidOpenApi() throws Exception {
    JsonObject document = ApiContract.document();
    assertThat(document.getString("openapi")).startsWith("3.1.");
    // vertx-openapi does the work on event loops; that is this test's work, not the app's: a Vert.x of its own, unwatched.
    Vertx own = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(1).setMaxEventLoopExecuteTimeUnit(TimeUnit.MINUTES));
    try {
      // Against the specification's own JSON Schema (https://spec.openapis.org/oas/3.1/schema/2022-10-07, in vertx-openapi).
      SchemaRepository repository = await(OpenAPIVersion.V3_1.getRepository(own, "https://fitcoach.invalid/"));
      OutputUnit result = await(OpenAPIVersion.V3_1.validateContract(own, repository, document.copy()));
      assertThat(result.getValid()).as("openapi.json against the OpenAPI 3.1 schema: %s", result.toJson()).isTrue();
      // ... which does refuse a broken document (an operation without responses).
      JsonObject broken = document.copy();
      broken.getJsonObject("paths").getJsonObject("/api/health").getJsonObject("get").put("responses", "none");
      assertThat(await(OpenAPIVersion.V3_1.validateContract(own, repository, broken)).getValid()).isFalse();
      // Parsed as a contract: every $ref resolves, every parameter and schema is usable. vertx-openapi 5.0 only accepts
      // JSON, multipart, octet-stream and text/plain bodies, so the others (event streams, files) are renamed for it.
      String renamed = document.encode().replaceAll("\"(text/event-stream|text/calendar|text/csv|application/zip|"
          + "application/vnd\\.ant\\.fit)\"", "\"application/octet-stream\"");
      OpenAPIContract contract = await(OpenAPIContract.from(own, new JsonObject(renamed)));
      assertThat(contract.operations()).hasSize(ApiContract.operations().size());
    } finally {
      await(own.close());
    }
    Set<String> ids = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        JsonObject op = paths.getJsonObject(path).getJsonObject(method);
        String where = method.toUpperCase() + " " + path;
        if (!ids.add(op.getString("operationId", ""))) {
          problems.add(where + ": operationId '" + op.getString("operationId") + "' missing or used twice");
        }
        if (!op.getJsonObject("responses").containsKey("default")) {
          problems.add(where + ": no default (error) response");
        }
        if (!op.containsKey("security")) {
          problems.add(where + ": no security requirement (use [{}] for a public route)");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("GET /api/openapi.json serves the document without sign-in, cacheable and revalidated by its ETag")
  void servesTheDocument() {
    TestClient anonymous = new TestClient(app.port());
    var r = anonymous.get(OpenApiRoutes.PATH);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.header("Cache-Control")).contains("public").contains("max-age=");
    assertThat(r.json()).isEqualTo(ApiContract.document());
    String etag = r.header("ETag");
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");

    var again = anonymous.header("If-None-Match", etag).get(OpenApiRoutes.PATH);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    var changed = new TestClient(app.port()).header("If-None-Match", "\"something-else\"").get(OpenApiRoutes.PATH);
    assertThat(changed.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A response that breaks its schema is reported with the route, the status and the field")
  void validatorNamesRouteStatusAndField() {
    ApiContract.drain();
    ApiContract.check("GET", "/api/auth/me", 200, "application/json",
        "{\"id\":\"not-a-uuid\",\"email\":\"a@example.com\",\"createdAt\":\"2026-01-01T00:00:00Z\"}");
    ApiContract.check("GET", "/api/activities/3f1c0c1e-0000-4000-8000-000000000000", 404, "application/json",
        "{\"error\":{\"code\":\"not_found\",\"message\":\"No such activity\"}}");
    ApiContract.check("GET", "/api/auth/me", 299, "application/json", "{}");
    List<String> failures = ApiContract.drain();
    assertThat(failures).hasSize(3);
    assertThat(failures.get(0)).startsWith("GET /api/auth/me → 200: /id (").contains("uuid");
    assertThat(failures.get(1)).startsWith("GET /api/activities/{id} → 404: ").contains("field");
    assertThat(failures.get(2)).startsWith("GET /api/auth/me → 299: status not in the document");
  }
}
