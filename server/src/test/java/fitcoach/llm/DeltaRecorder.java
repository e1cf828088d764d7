package fitcoach.llm;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Collects the deltas of one call, with the context each arrived on, and signals the first one. */
final class DeltaRecorder implements Consumer<String> {
  private final List<String> deltas = new CopyOnWriteArrayList<>();
  private final List<Context> contexts = new CopyOnWriteArrayList<>();
  final CompletableFuture<String> first = new CompletableFuture<>();

  @Override
  public void accept(String delta) {
    deltas.add(delta);
    contexts.add(Vertx.currentContext());
    first.complete(delta);
  }

  List<String> deltas() {
    return List.copyOf(deltas);
  }

  String text() {
    return String.join("", deltas);
  }

  List<Context> contexts() {
    return List.copyOf(contexts);
  }
}
