package fitcoach.progress;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way stored analyses come to be: for an athlete, every activity whose streams have no row of the current
 * {@link CurveRow#ENGINE_VERSION} is computed from its streams and stored, a page at a time (bounded memory: one page
 * of streams in hand), gunzip and computation on worker threads. It runs at start for every athlete with work left
 * (so it resumes after a restart or a kill with no state of its own, and reprocesses everything after a version bump),
 * and whenever the activity store reports a change ({@link AnalysisProgress#POKE}). Progress goes to
 * {@link AnalysisProgress#address}.
 */
final class AnalysisWorker extends VerticleBase {
  /** Activities per page: their streams are in memory together (a 6 h ride's gzip is about a megabyte). */
  static final int PAGE = 32;
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorker.class);

  private final CurveRepository repository;
  private final AnalysisProgress progress;
  private final RangeMemo memo;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  /** Athletes poked while their run was going: one more pass after it, which finds what the poke was about. */
  private final Set<UUID> again = ConcurrentHashMap.newKeySet();

  private final java.util.function.Consumer<UUID> analysed;

  /** {@code analysed}: told once an athlete's new or changed activities are all stored (it checks the eFTP). */
  AnalysisWorker(CurveRepository repository, AnalysisProgress progress, RangeMemo memo,
                 java.util.function.Consumer<UUID> analysed) {
    this.memo = memo;
    this.analysed = analysed;
    this.repository = repository;
    this.progress = progress;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<String>localConsumer(AnalysisProgress.POKE, msg -> run(UUID.fromString(msg.body())));
    // Not waited for: the server answers while old rows are brought up to date.
    repository.usersWithWork()
        .onSuccess(users -> users.forEach(this::run))
        .onFailure(err -> LOG.warn("Looking for activities to analyse failed: {}", err.toString()));
    return Future.succeededFuture();
  }

  private void run(UUID userId) {
    if (!running.add(userId)) {
      again.add(userId);
      return;
    }
    repository.counts(userId).compose(counts -> {
      if (counts.done() >= counts.total()) {
        return Future.succeededFuture();
      }
      progress.set(userId, counts.done(), counts.total());
      publish(userId, "running", counts.done(), counts.total());
      return pages(userId, counts.done(), counts.total());
    }).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("Analysing activities failed; the next change or start tries again: {}", ar.cause().toString());
      }
      running.remove(userId);
      boolean more = again.remove(userId);
      if (more) {
        run(userId);
        return;
      }
      if (progress.running(userId) != null) {
        progress.finished(userId);
        repository.counts(userId).onSuccess(c -> publish(userId, "idle", c.done(), c.total()));
        analysed.accept(userId);
      }
    });
  }

  private Future<Void> pages(UUID userId, long done, long total) {
    return repository.todo(userId, PAGE).compose(page -> {
      if (page.isEmpty()) {
        return Future.succeededFuture();
      }
      List<Future<CurveRow>> computed = new ArrayList<>(page.size());
      for (CurveRepository.Todo t : page) {
        computed.add(vertx.executeBlocking(() -> CurveRow.of(t.data(), t.sportFamily()), false));
      }
      return Future.all(computed).compose(all -> repository.save(page, all.list())).compose(saved -> {
        if (saved == 0) {
          // Every stream of the page changed while it was computed: stop here rather than spin; a poke follows them.
          return Future.succeededFuture();
        }
        memo.changed(userId);
        long nowDone = Math.min(total, done + saved);
        progress.set(userId, nowDone, total);
        publish(userId, "running", nowDone, total);
        return pages(userId, nowDone, total);
      });
    });
  }

  private void publish(UUID userId, String state, long done, long total) {
    vertx.eventBus().publish(AnalysisProgress.address(userId), AnalysisProgress.body(state, done, total));
  }
}
