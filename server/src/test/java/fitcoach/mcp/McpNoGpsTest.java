package fitcoach.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.GpsActivities;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GPS never reaches an MCP client: every tool of the real registry, on every activity with positions, sends none. */
class McpNoGpsTest extends McpTestBase {

  @Test
  @DisplayName("Every real MCP tool, called on activities with a GPS track, a polyline and raw positions, returns no coordinate")
  void noCoordinateOverMcp() throws Exception {
    signedIn();
    String[] ids = GpsActivities.store(app, client);
    try (McpSyncClient mcp = sdkClient(app.port(), bearer(newToken("no gps")))) {
      mcp.initialize();
      List<McpSchema.Tool> tools = mcp.listTools().tools();
      assertThat(tools).extracting(McpSchema.Tool::name).contains("search_activities", "get_activity");
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      StringBuilder everything = new StringBuilder();
      for (String activity : new String[] {ids[0], ids[1]}) {
        for (McpSchema.Tool tool : tools) {
          Map<String, Object> arguments = SchemaSamples.arguments(tool.inputSchema(), activity, today);
          McpSchema.CallToolResult result = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), arguments));
          String text = result.content().stream().map(c -> c instanceof McpSchema.TextContent t ? t.text() : String.valueOf(c))
              .reduce("", String::concat) + String.valueOf(result.structuredContent());
          assertThat(text).as(tool.name() + " " + arguments)
              .doesNotContain(GpsActivities.LAT).doesNotContain(GpsActivities.LON).doesNotContain("38.897")
              .doesNotContain("77.036").doesNotContain(ids[2]).doesNotContain("latlng").doesNotContain("polyline");
          everything.append(text);
        }
      }
      // Not vacuous: the tools did describe the activities.
      assertThat(everything.toString()).contains("Mall run").contains(ids[0]);
    }
  }
}
