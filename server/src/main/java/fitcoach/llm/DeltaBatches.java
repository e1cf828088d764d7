package fitcoach.llm;

import java.util.function.Consumer;

/**
 * A delta consumer that also hears where one network read ends: the deltas of a read arrive, then {@link #endOfRead()}.
 * A relay can then write everything one read carried in one write, at once, instead of one write per delta or a
 * write deferred to a later event-loop task (which, under load, waits behind every other connection's reads).
 */
public interface DeltaBatches extends Consumer<String> {

  /** The deltas of the current network read have all been delivered (not called for reads that carried none). */
  void endOfRead();
}
