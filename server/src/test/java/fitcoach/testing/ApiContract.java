package fitcoach.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Holds every response the API tests receive to the contract (server/src/main/resources/openapi.json): a JSON body must
 * validate against the schema the document gives for its route, method and status (or the {@code default} error
 * response), and a documented route must not answer with an undocumented status or content type. Failures name the
 * route, the status and the field (a JSON pointer); {@link ApiTest} fails the test that collected one. The document is
 * parsed and its schemas compiled once per JVM; a summary line is printed after each API test class and when the JVM
 * exits (also to target/api-contract-summary.txt).
 */
public final class ApiContract {
  /** The document's base URI inside the schema repository; never fetched. */
  /** -Dfitcoach.contract=off skips the checks (e.g. to time the suite without them). */
  private static final boolean ENABLED = !"off".equals(System.getProperty("fitcoach.contract"));
  private static final String BASE = "https://fitcoach.invalid/openapi.json";
  private static final JsonObject DOCUMENT = load();
  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("https://fitcoach.invalid/").setOutputFormat(OutputFormat.Basic);
  private static final SchemaRepository SCHEMAS = SchemaRepository.create(OPTIONS);
  private static final List<Template> TEMPLATES = new ArrayList<>();
  private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();
  private static final List<String> FAILURES = new CopyOnWriteArrayList<>();
  private static final AtomicLong FAILED = new AtomicLong();
  private static final AtomicLong VALIDATED = new AtomicLong();
  private static final AtomicLong CHECKED = new AtomicLong();
  private static final Set<String> OPERATIONS_SEEN = ConcurrentHashMap.newKeySet();

  /** A documented path as a pattern; literal segments win over parameters (/api/activities/stats before /{id}). */
  private record Template(String path, Pattern pattern, int parameters) {
  }

  static {
    // The repository marks the schemas it holds (__absolute_uri__ fields): it gets its own copy.
    SCHEMAS.dereference(BASE, JsonSchema.of(DOCUMENT.copy()));
    for (String path : DOCUMENT.getJsonObject("paths").fieldNames()) {
      String regex = Pattern.quote(path).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q");
      TEMPLATES.add(new Template(path, Pattern.compile(regex), path.split("\\{", -1).length - 1));
    }
    TEMPLATES.sort(Comparator.comparingInt(Template::parameters));
    // The run's total, also in a file: surefire may no longer relay a forked JVM's output while it exits.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println(summary());
      try {
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("target"))) {
          java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-contract-summary.txt"), summary() + "\n");
        }
      } catch (IOException ignored) {
        // only a report
      }
    }, "api-contract-summary"));
  }

  private ApiContract() {
  }

  /** The document as the server serves it. */
  public static JsonObject document() {
    return DOCUMENT.copy();
  }

  /** "ApiContract: n responses checked, m bodies validated against their schemas, k of the document's operations seen, f failures". */
  public static String summary() {
    int operations = 0;
    for (String path : DOCUMENT.getJsonObject("paths").fieldNames()) {
      operations += DOCUMENT.getJsonObject("paths").getJsonObject(path).fieldNames().size();
    }
    return "ApiContract: " + CHECKED.get() + " responses checked, " + VALIDATED.get() + " JSON bodies and SSE frames validated against the "
        + "document, " + OPERATIONS_SEEN.size() + " of its " + operations + " operations seen, " + FAILED.get()
        + " mismatches";
  }

  /** The failures collected since the last call, emptied. */
  public static List<String> drain() {
    List<String> copy = new ArrayList<>(FAILURES);
    FAILURES.removeAll(copy);
    return copy;
  }

  /**
   * Checks one response to {@code method} {@code target} (path and query). Routes the document does not describe (the
   * web UI's pages, /eventbus) and methods it has no operation for are not checked.
   */
  public static void check(String method, String target, int status, String contentType, String body) {
    if (!ENABLED) {
      return;
    }
    String path = target.split("\\?", 2)[0];
    Optional<String> template = template(path);
    if (template.isEmpty()) {
      return;
    }
    JsonObject operation = DOCUMENT.getJsonObject("paths").getJsonObject(template.get())
        .getJsonObject(method.toLowerCase(Locale.ROOT));
    if (operation == null) {
      return;
    }
    CHECKED.incrementAndGet();
    String route = method + " " + template.get();
    OPERATIONS_SEEN.add(route);
    JsonObject responses = operation.getJsonObject("responses");
    String key = responses.containsKey(Integer.toString(status)) ? Integer.toString(status) : "default";
    JsonObject response = responses.getJsonObject(key);
    if (response == null || (key.equals("default") && status < 400)) {
      fail(route + " → " + status + ": status not in the document (it lists " + responses.fieldNames() + ")");
      return;
    }
    String responsePointer = "#/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + key;
    if (response.containsKey("$ref")) {
      responsePointer = response.getString("$ref");
      response = resolve(responsePointer);
    }
    JsonObject content = response.getJsonObject("content");
    boolean empty = body == null || body.isEmpty();
    if (content == null) {
      if (!empty) {
        fail(route + " → " + status + ": the document says no body, the server sent " + contentType);
      }
      return;
    }
    String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!content.containsKey(media)) {
      fail(route + " → " + status + ": content type '" + contentType + "' is not among " + content.fieldNames());
      return;
    }
    if (!media.equals("application/json") || empty) {
      return;
    }
    Object json;
    try {
      json = io.vertx.core.json.Json.decodeValue(body);
    } catch (RuntimeException e) {
      fail(route + " → " + status + ": the body is not JSON: " + abbreviate(body));
      return;
    }
    validate(route + " → " + status, responsePointer + "/content/" + escape(media) + "/schema", json, body);
  }

  /**
   * Checks one frame of a documented event stream (a 200 {@code text/event-stream} response): its event name must be
   * among the stream's {@code x-events} and its data must match that event's schema.
   */
  public static void checkEvent(String method, String target, String event, String data) {
    if (!ENABLED) {
      return;
    }
    Optional<String> template = template(target.split("\\?", 2)[0]);
    JsonObject operation = template.map(t -> DOCUMENT.getJsonObject("paths").getJsonObject(t)
        .getJsonObject(method.toLowerCase(Locale.ROOT))).orElse(null);
    if (operation == null) {
      return;
    }
    String where = method + " " + template.get() + " → event " + event;
    JsonObject events = Optional.ofNullable(operation.getJsonObject("responses").getJsonObject("200"))
        .map(r -> r.getJsonObject("content")).map(c -> c.getJsonObject("text/event-stream"))
        .map(m -> m.getJsonObject("x-events")).orElse(null);
    if (events == null || !events.containsKey(event)) {
      fail(where + ": not among the stream's x-events " + (events == null ? "(none)" : events.fieldNames()));
      return;
    }
    Object json;
    try {
      json = io.vertx.core.json.Json.decodeValue(data);
    } catch (RuntimeException e) {
      fail(where + ": the data is not JSON: " + abbreviate(data));
      return;
    }
    validate(where, "#/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT)
        + "/responses/200/content/text~1event-stream/x-events/" + escape(event), json, data);
  }

  private static void validate(String where, String schemaPointer, Object json, String body) {
    Validator validator = VALIDATORS.computeIfAbsent(schemaPointer,
        p -> SCHEMAS.validator(JsonSchema.of(new JsonObject().put("$ref", BASE + p.replace("{", "%7B").replace("}", "%7D"))),
            OPTIONS));
    OutputUnit result = validator.validate(json);
    VALIDATED.incrementAndGet();
    if (!result.getValid()) {
      fail(where + ": " + String.join("; ", errors(result)) + " in " + abbreviate(body));
    }
  }

  private static void fail(String failure) {
    FAILED.incrementAndGet();
    FAILURES.add(failure);
  }

  /** The leaf errors as "pointer: message", without the "a subschema had errors" wrappers above them. */
  private static Set<String> errors(OutputUnit result) {
    Set<String> errors = new LinkedHashSet<>();
    if (result.getErrors() != null) {
      for (OutputUnit e : result.getErrors()) {
        String message = e.getError() == null ? "" : e.getError();
        if (message.startsWith("A subschema had errors") || message.matches("Property \".*\" does not match schema")
            || message.contains("does not match additional properties schema") && result.getErrors().stream()
            .anyMatch(o -> o != e && e.getInstanceLocation().equals(o.getInstanceLocation())
                && !o.getError().contains("additional properties"))) {
          continue;
        }
        errors.add(e.getInstanceLocation().replaceFirst("^#", "") + " (" + message + ")");
      }
    }
    return errors.isEmpty() ? Set.of(String.valueOf(result.toJson())) : errors;
  }

  /** The documented path a request path falls under, e.g. /api/activities/{id} for /api/activities/42. */
  public static Optional<String> template(String path) {
    return TEMPLATES.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path).findFirst();
  }

  private static JsonObject resolve(String pointer) {
    Object node = DOCUMENT;
    for (String part : pointer.replaceFirst("^#/", "").split("/")) {
      node = ((JsonObject) node).getValue(part.replace("~1", "/").replace("~0", "~"));
    }
    return (JsonObject) node;
  }

  private static String escape(String pointerPart) {
    return pointerPart.replace("~", "~0").replace("/", "~1");
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  private static JsonObject load() {
    try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is not on the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "METHOD /path" of every operation in the document. */
  public static List<String> operations() {
    List<String> all = new ArrayList<>();
    JsonObject paths = DOCUMENT.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        all.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return all;
  }
}
