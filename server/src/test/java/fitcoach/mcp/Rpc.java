package fitcoach.mcp;

import io.vertx.core.json.JsonObject;

/** JSON-RPC message bodies for raw HTTP tests of /mcp. */
final class Rpc {
  private Rpc() {
  }

  static JsonObject request(Object id, String method, JsonObject params) {
    JsonObject m = new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method);
    return params == null ? m : m.put("params", params);
  }

  static String ping(Object id) {
    return request(id, "ping", null).encode();
  }

  static String initialize(Object id, String version) {
    return request(id, "initialize", new JsonObject().put("protocolVersion", version)
        .put("capabilities", new JsonObject())
        .put("clientInfo", new JsonObject().put("name", "raw").put("version", "1"))).encode();
  }
}
