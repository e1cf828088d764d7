package fitcoach.coach.tools;

import fitcoach.llm.LlmTool;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coach's tools by name, for the model (their specs) and for a call: arguments parsed and checked against the
 * tool's schema, the tool run, its result written as compact JSON and held to {@link #MAX_RESULT_BYTES}. A call never
 * fails: whatever goes wrong becomes an error reply the model can read ({@code is_error}), and the athlete sees as a
 * failed lookup.
 */
public final class ToolRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRegistry.class);
  /** The most a result may hold; tools summarise to stay under it, so this is a guard, not a truncation. */
  public static final int MAX_RESULT_BYTES = 8 * 1024;
  private static final JsonSchemaOptions SCHEMA_OPTIONS = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("https://fitcoach.invalid/tools/").setOutputFormat(OutputFormat.Basic);

  private final Map<String, CoachTool> tools = new LinkedHashMap<>();
  private final Map<String, Validator> validators = new LinkedHashMap<>();

  public ToolRegistry(List<CoachTool> tools) {
    for (CoachTool tool : tools) {
      if (this.tools.put(tool.name(), tool) != null) {
        throw new IllegalArgumentException("two tools are named " + tool.name());
      }
      validators.put(tool.name(), Validator.create(JsonSchema.of(tool.inputSchema()), SCHEMA_OPTIONS));
    }
  }

  public List<CoachTool> tools() {
    return List.copyOf(tools.values());
  }

  /** The tools as the model is told about them, in registry order. */
  public List<LlmTool> specs() {
    List<LlmTool> specs = new ArrayList<>(tools.size());
    tools.values().forEach(t -> specs.add(new LlmTool(t.name(), t.description(), t.inputSchema())));
    return specs;
  }

  /**
   * What a call will look up, for the athlete, before it runs: the tool's summary of its arguments, or the bare name
   * when the tool is unknown or the arguments are not valid.
   */
  public String lookup(String name, JsonObject arguments) {
    CoachTool tool = tools.get(name);
    if (tool == null || arguments == null || !Boolean.TRUE.equals(validators.get(name).validate(arguments).getValid())) {
      return name;
    }
    try {
      return tool.summary(arguments);
    } catch (RuntimeException e) {
      return name;
    }
  }

  /** Runs {@code name} with the arguments as the model sent them (a JSON object, possibly malformed or empty). */
  public Future<ToolReply> call(ToolScope scope, String name, String argumentsJson) {
    CoachTool tool = tools.get(name);
    if (tool == null) {
      return Future.succeededFuture(error(name, new JsonObject(), name, "There is no tool named " + name + ". Tools: "
          + String.join(", ", tools.keySet()) + "."));
    }
    JsonObject arguments;
    try {
      arguments = argumentsJson == null || argumentsJson.isBlank() ? new JsonObject() : new JsonObject(argumentsJson);
    } catch (DecodeException | ClassCastException e) {
      return Future.succeededFuture(error(name, new JsonObject(), name, "The arguments are not a JSON object."));
    }
    return call(scope, tool, arguments);
  }

  /** Runs {@code name} with arguments already parsed (MCP sends an object). */
  public Future<ToolReply> call(ToolScope scope, String name, JsonObject arguments) {
    CoachTool tool = tools.get(name);
    if (tool == null) {
      return Future.succeededFuture(error(name, arguments, name, "There is no tool named " + name + "."));
    }
    return call(scope, tool, arguments == null ? new JsonObject() : arguments);
  }

  private Future<ToolReply> call(ToolScope scope, CoachTool tool, JsonObject arguments) {
    String name = tool.name();
    OutputUnit check = validators.get(name).validate(arguments);
    if (!Boolean.TRUE.equals(check.getValid())) {
      String why = check.getErrors() == null ? "they do not match the schema" : check.getErrors().stream()
          .map(e -> (e.getInstanceLocation() == null || e.getInstanceLocation().isEmpty() ? "" : e.getInstanceLocation() + ": ")
              + e.getError())
          .distinct().limit(5).collect(Collectors.joining("; "));
      return Future.succeededFuture(error(name, arguments, name, "Invalid arguments for " + name + ": " + why));
    }
    String lookup;
    Future<ToolOutput> run;
    try {
      lookup = tool.summary(arguments);
      run = tool.run(scope, arguments);
    } catch (ToolArgumentException e) {
      return Future.succeededFuture(error(name, arguments, name, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("Tool {} failed for user {}", name, scope.userId(), e);
      return Future.succeededFuture(error(name, arguments, name, "The tool failed inside FitCoach; try other arguments."));
    }
    return run.map(output -> reply(name, arguments, lookup, output)).otherwise(e -> {
      if (e instanceof ToolArgumentException bad) {
        return error(name, arguments, lookup, bad.getMessage());
      }
      LOG.error("Tool {} failed for user {}", name, scope.userId(), e);
      return error(name, arguments, lookup, "The tool failed inside FitCoach; try other arguments.");
    });
  }

  private static ToolReply reply(String name, JsonObject arguments, String lookup, ToolOutput output) {
    String content = ToolJson.write(output.data());
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_RESULT_BYTES) {
      LOG.warn("Tool {} returned {} bytes, over the {} allowed", name, bytes, MAX_RESULT_BYTES);
      return error(name, arguments, lookup, "The result is too large (" + bytes + " bytes). Ask for a shorter range or fewer rows.");
    }
    return new ToolReply(name, arguments, lookup, content, false, output.summary(), output.activityIds());
  }

  private static ToolReply error(String name, JsonObject arguments, String lookup, String message) {
    return new ToolReply(name, arguments, lookup, message, true, message, List.of());
  }
}
