package fitcoach.llm;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the deltas of one call, with the context each arrived on, and signals the first one. */
final class DeltaRecorder implements DeltaBatches {
  private final List<String> deltas = new CopyOnWriteArrayList<>();
  private final List<Context> contexts = new CopyOnWriteArrayList<>();
  final CompletableFuture<String> first = new CompletableFuture<>();
  /** How many deltas each network read carried, in order, as reported by endOfRead(). */
  private final List<Integer> reads = new CopyOnWriteArrayList<>();
  private int sinceLastRead;

  @Override
  public void accept(String delta) {
    deltas.add(delta);
    sinceLastRead++;
    contexts.add(Vertx.currentContext());
    first.complete(delta);
  }

  @Override
  public void endOfRead() {
    reads.add(sinceLastRead);
    sinceLastRead = 0;
  }

  List<Integer> reads() {
    return List.copyOf(reads);
  }

  /** Deltas delivered after the last endOfRead(). */
  int unended() {
    return sinceLastRead;
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
