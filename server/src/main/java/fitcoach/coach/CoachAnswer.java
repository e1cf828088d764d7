package fitcoach.coach;

import fitcoach.llm.LlmCall;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What asking the coach produced, with no transport in it: {@link CoachRoutes} sends it as server-sent events, or a
 * live answer asked for with {@code ?transport=eventbus} as a 202 naming its event-bus address. A refusal is a failed
 * future (an {@link fitcoach.app.ApiException}), never one of these.
 */
sealed interface CoachAnswer {

  /**
   * An answer stored earlier and still current, sent as a finished stream (start, one token, done) so a client reads
   * it the same way as a fresh one.
   *
   * @param start the start frame's data
   * @param text the whole answer, as the one token
   * @param done the done frame's data
   */
  record Stored(JsonObject start, String text, JsonObject done) implements CoachAnswer {
  }

  /**
   * A generation registered but not started: the transport attaches first, so its client misses no token, then
   * {@link CoachStreams#run} or {@link CoachStreams#runWhenListened} starts the model call.
   *
   * @param launch starts the model call, handing each text delta to the consumer it is given
   * @param finish stores the outcome and returns the final frame's data; it runs before that frame is sent
   */
  record Live(Generation generation, Function<Consumer<String>, LlmCall> launch, Function<Outcome, Future<JsonObject>> finish)
      implements CoachAnswer {
  }
}
