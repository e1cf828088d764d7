package fitcoach.coach;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Event-bus codec for stream frames: local consumers get the published instance itself (the default JSON codec copies
 * it for each one), which is safe because a frame is never changed after it is published. Across a cluster it would
 * travel as JSON, like the default.
 */
final class SharedFrameCodec implements MessageCodec<JsonObject, JsonObject> {
  static final String NAME = "fitcoach.shared-frame";

  static void register(Vertx vertx) {
    try {
      vertx.eventBus().registerCodec(new SharedFrameCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // One codec per Vert.x instance; a second CoachStreams on the same instance reuses it.
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject frame) {
    Buffer encoded = frame.toBuffer();
    buffer.appendInt(encoded.length()).appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject frame) {
    return frame;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
