package fitcoach.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** /mcp spoken by hand: the JSON-RPC errors, notifications, batches, versions and HTTP statuses an SDK never sends. */
class McpJsonRpcTest extends McpTestBase {
  private TestClient mcp;

  @BeforeEach
  void token() {
    signedIn();
    mcp = mcpHttp(testServer.actualPort(), newToken("raw"));
  }

  private static JsonObject error(TestClient.Response r) {
    return r.json().getJsonObject("error");
  }

  @Test
  @DisplayName("A body that is not JSON is a parse error (-32700) with HTTP 400 and a null id")
  void parseError() {
    var r = mcp.postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getValue("id")).isNull();
    assertThat(error(r).getInteger("code")).isEqualTo(-32700);
    assertThat(mcp.postRaw("/mcp", "").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Not JSON-RPC 2.0 (no jsonrpc, an id that is an object, a number for a body) is an invalid request (-32600)")
  void invalidRequest() {
    var noVersion = mcp.postRaw("/mcp", "{\"id\":7,\"method\":\"ping\"}");
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(error(noVersion).getInteger("code")).isEqualTo(-32600);
    assertThat(noVersion.json().getInteger("id")).isEqualTo(7);
    var badId = mcp.postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}");
    assertThat(error(badId).getInteger("code")).isEqualTo(-32600);
    assertThat(error(mcp.postRaw("/mcp", "42")).getInteger("code")).isEqualTo(-32600);
    assertThat(error(mcp.postRaw("/mcp", "[]")).getInteger("code")).isEqualTo(-32600);
    assertThat(error(mcp.postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")).getInteger("code")).isEqualTo(-32600);
  }

  @Test
  @DisplayName("An unknown method is -32601 answered to its id; resources and prompts are not offered")
  void unknownMethod() {
    var r = mcp.postRaw("/mcp", Rpc.request("a-1", "resources/list", null).encode());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("id")).isEqualTo("a-1");
    assertThat(error(r).getInteger("code")).isEqualTo(-32601);
    assertThat(r.json().containsKey("result")).isFalse();
  }

  @Test
  @DisplayName("Invalid params (-32602): params not an object, tools/call without a name, an unknown tool, arguments not an object")
  void invalidParams() {
    var array = mcp.postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[1]}");
    assertThat(error(array).getInteger("code")).isEqualTo(-32602);
    var noName = mcp.postRaw("/mcp", Rpc.request(2, "tools/call", new JsonObject()).encode());
    assertThat(error(noName).getInteger("code")).isEqualTo(-32602);
    var unknown = mcp.postRaw("/mcp", Rpc.request(3, "tools/call", new JsonObject().put("name", "delete_everything")).encode());
    assertThat(error(unknown).getInteger("code")).isEqualTo(-32602);
    assertThat(error(unknown).getString("message")).contains("delete_everything");
    var badArgs = mcp.postRaw("/mcp", Rpc.request(4, "tools/call", new JsonObject().put("name", RecentActivitiesTestTool.NAME)
        .put("arguments", "limit=5")).encode());
    assertThat(error(badArgs).getInteger("code")).isEqualTo(-32602);
    var noVersion = mcp.postRaw("/mcp", Rpc.request(5, "initialize", new JsonObject()).encode());
    assertThat(error(noVersion).getInteger("code")).isEqualTo(-32602);
  }

  @Test
  @DisplayName("A body over the limit is refused with 413 before it is read")
  void oversized() {
    String big = Rpc.request(1, "tools/call", new JsonObject().put("name", RecentActivitiesTestTool.NAME)
        .put("arguments", new JsonObject().put("pad", "x".repeat(McpRoutes.MAX_BODY_BYTES)))).encode();
    var r = mcp.postRaw("/mcp", big);
    assertThat(r.status()).isEqualTo(413);
  }

  @Test
  @DisplayName("Notifications and client responses get 202 with no body; a request in the same batch gets its response")
  void notificationsAndBatches() {
    var initialized = mcp.postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(initialized.status()).isEqualTo(202);
    assertThat(initialized.body()).isEmpty();
    var response = mcp.postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}");
    assertThat(response.status()).isEqualTo(202);
    var batch = mcp.postRaw("/mcp", new JsonArray()
        .add(new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/cancelled"))
        .add(Rpc.request(1, "ping", null))
        .add(Rpc.request(2, "tools/list", null)).encode());
    assertThat(batch.status()).isEqualTo(200);
    JsonArray answers = new JsonArray(batch.body());
    assertThat(answers).hasSize(2);
    assertThat(answers.getJsonObject(0).getInteger("id")).isEqualTo(1);
    assertThat(answers.getJsonObject(0).getJsonObject("result")).isEqualTo(new JsonObject());
    assertThat(answers.getJsonObject(1).getJsonObject("result").getJsonArray("tools")).hasSize(1);
  }

  @Test
  @DisplayName("The protocol version is negotiated (ours when the client's is unknown) and an unsupported header is a 400")
  void versions() {
    var older = mcp.postRaw("/mcp", Rpc.initialize(1, "2025-03-26"));
    assertThat(older.json().getJsonObject("result").getString("protocolVersion")).isEqualTo("2025-03-26");
    var newer = mcp.postRaw("/mcp", Rpc.initialize(2, "2099-01-01"));
    assertThat(newer.json().getJsonObject("result").getString("protocolVersion")).isEqualTo("2025-06-18");
    assertThat(newer.json().getJsonObject("result").getJsonObject("capabilities").containsKey("tools")).isTrue();
    // initialize itself may carry any version in the header: that is where the version is agreed.
    var header = mcp.header("MCP-Protocol-Version", "1900-01-01");
    assertThat(header.postRaw("/mcp", Rpc.initialize(3, "2025-06-18")).status()).isEqualTo(200);
    var unsupported = header.postRaw("/mcp", Rpc.ping(4));
    assertThat(unsupported.status()).isEqualTo(400);
    assertThat(error(unsupported).getInteger("code")).isEqualTo(-32600);
    assertThat(header.header("MCP-Protocol-Version", "2025-06-18").postRaw("/mcp", Rpc.ping(5)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("GET and DELETE are 405 (no server stream, no session); a body that is not JSON is 415")
  void methodsAndTypes() {
    var get = mcp.get("/mcp");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.header("Allow")).isEqualTo("POST");
    assertThat(mcp.delete("/mcp").status()).isEqualTo(405);
    assertThat(mcp.send("POST", "/mcp", "jsonrpc=2.0", "application/x-www-form-urlencoded").status()).isEqualTo(415);
    assertThat(mcp.send("POST", "/mcp", Rpc.ping(1), "text/plain").status()).isEqualTo(415);
  }
}
