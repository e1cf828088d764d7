package fitcoach.progress;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After new rides are analysed: the critical-power model of the last 90 days, and its eFTP offered as an FTP suggestion
 * with the evidence it stands on. The offer is kept only when it is clearly above the FTP in force (the suggestions
 * service decides); nothing here changes a threshold.
 */
public final class ModelSuggestions {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSuggestions.class);

  /** Where an eFTP goes: the threshold suggestions (fitcoach.settings), never the history itself. */
  @FunctionalInterface
  public interface Offer {
    Future<Boolean> ftp(UUID userId, double watts, LocalDate validFrom, UUID activityId, String evidence);
  }

  private final ProgressService service;
  private final Function<UUID, Future<LocalDate>> today;
  private final Offer offer;

  ModelSuggestions(ProgressService service, Function<UUID, Future<LocalDate>> today, Offer offer) {
    this.service = service;
    this.today = today;
    this.offer = offer;
  }

  void analysed(UUID userId) {
    today.apply(userId).compose(to -> service.model(new CurveRepository.Range(userId,
            to.minusDays(ProgressService.MODEL_DAYS - 1L), to, "ride"), 0))
        .compose(answer -> offerOf(userId, answer))
        .onFailure(err -> LOG.warn("Checking the eFTP against FTP failed: {}", err.toString()));
  }

  @SuppressWarnings("unchecked")
  private Future<Boolean> offerOf(UUID userId, Map<String, Object> answer) {
    Map<String, Object> model = (Map<String, Object>) answer.get("model");
    if (model == null || !(model.get("eftp") instanceof Number eftp)) {
      return Future.succeededFuture(false);
    }
    List<Map<String, Object>> points = (List<Map<String, Object>>) model.get("points");
    // The estimate is as new as its newest effort: the suggestion dates from it and names it.
    Map<String, Object> newest = points.stream()
        .max(java.util.Comparator.comparing(p -> (LocalDate) p.get("date"))).orElseThrow();
    Map<String, Object> longest = points.stream()
        .max(java.util.Comparator.comparing(p -> ((Number) p.get("durationS")).intValue())).orElseThrow();
    String evidence = String.format(java.util.Locale.ROOT,
        "Your best efforts of 3 to 20 minutes in the 90 days to %s (the longest: %s at %.0f W on %s) give critical power "
            + "%.0f W and W′ %.1f kJ, so an eFTP of %.0f W",
        answer.get("to"), duration(((Number) longest.get("durationS")).intValue()), ((Number) longest.get("value")).doubleValue(),
        longest.get("date"), ((Number) model.get("cp")).doubleValue(), ((Number) model.get("wPrime")).doubleValue() / 1000,
        eftp.doubleValue());
    return offer.ftp(userId, eftp.doubleValue(), (LocalDate) newest.get("date"), (UUID) newest.get("activityId"), evidence);
  }

  private static String duration(int seconds) {
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
  }
}
