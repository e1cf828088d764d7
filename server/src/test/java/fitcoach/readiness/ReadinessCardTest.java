package fitcoach.readiness;

import static fitcoach.readiness.Days.FRESH;
import static fitcoach.readiness.Days.HRV_BELOW;
import static fitcoach.readiness.Days.NEUTRAL;
import static fitcoach.readiness.Days.OVERLOAD;
import static fitcoach.readiness.Days.RHR_UP;
import static fitcoach.readiness.Days.STEEP;
import static fitcoach.readiness.Days.TODAY;
import static fitcoach.readiness.Days.on;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.load.Pmc;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The card around the rules: headline, signals, confidence and what would change the verdict. */
class ReadinessCardTest {

  private static Signal signal(ReadinessCard card, String key) {
    return card.signals().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("With no wellness the card is the load rules' verdict, its recovery signals missing or learning, and it asks for a check-in")
  void noWellness() {
    ReadinessCard card = ReadinessCard.of(on(FRESH).facts());
    assertThat(card.verdict()).isEqualTo("hard");
    assertThat(card.loadVerdict()).isEqualTo("hard");
    assertThat(card.headline()).isEqualTo("Train hard: you are fresh");
    assertThat(card.rules()).containsExactly("load-fresh");
    assertThat(card.signals()).extracting(Signal::key).containsExactly("form", "ramp", "acwr", "monotony", "hardSession",
        "hrv", "restingHr", "sleep", "soreness", "stress", "motivation", "illness", "injury");
    assertThat(signal(card, "form").direction()).isEqualTo("for_training");
    assertThat(signal(card, "form").rules()).containsExactly("load-fresh");
    assertThat(signal(card, "form").value()).isEqualTo(10.0);
    assertThat(signal(card, "hrv").status()).isEqualTo("learning");
    assertThat(signal(card, "illness").status()).isEqualTo("missing");
    // Judged: form, ramp, acwr (monotony NaN, hard sessions unknown): one for training, two neutral.
    assertThat(card.confidence().signals()).isEqualTo(3);
    assertThat(card.confidence().agreeing()).isEqualTo(1);
    assertThat(card.confidence().level()).isEqualTo("medium");
    assertThat(card.whatWouldChange()).containsExactly("No check-in today: log sleep, soreness and HRV so recovery counts too");
  }

  @Test
  @DisplayName("What would change a load-only verdict: the load condition cleared, worked out by the same rules")
  void loadChanges() {
    assertThat(ReadinessCard.of(on(OVERLOAD).facts()).whatWouldChange()).startsWith("Form back above −30 → easy");
    assertThat(ReadinessCard.of(on(STEEP).facts()).whatWouldChange()).startsWith("Ramp back to 8 a week or less → hard");
    assertThat(ReadinessCard.of(on(NEUTRAL).facts()).whatWouldChange()).startsWith("Form above +5 (fresh) → hard");
    assertThat(ReadinessCard.of(on(Days.day(50, 40, 9, 1.6)).facts()).whatWouldChange())
        .startsWith("Ramp back to 8 a week or less and workload ratio back to 1.5 or less → hard");
    assertThat(ReadinessCard.of(on(OVERLOAD).facts()).headline()).isEqualTo("Rest day: form is below −30, you are carrying a lot of fatigue");
  }

  @Test
  @DisplayName("The safety pair: easy, named in the headline, both signals tagged, and clearing either gives train back")
  void safetyPair() {
    ReadinessCard card = ReadinessCard.of(on(FRESH).hrv(HRV_BELOW).rhr(RHR_UP).scores(2, 2, 4).facts());
    assertThat(card.verdict()).isEqualTo("easy");
    assertThat(card.loadVerdict()).isEqualTo("hard");
    assertThat(card.headline()).isEqualTo("Easy day: HRV is below your normal range and resting HR is up");
    assertThat(signal(card, "hrv").direction()).isEqualTo("for_rest");
    assertThat(signal(card, "hrv").rules()).containsExactly("hrv-low-and-resting-hr-up", "hrv-low");
    assertThat(signal(card, "hrv").low()).isEqualTo(3.95);
    assertThat(signal(card, "restingHr").rules()).containsExactly("hrv-low-and-resting-hr-up", "resting-hr-up");
    // Clearing the pair leaves HRV low and resting HR up each capping at train.
    assertThat(card.whatWouldChange()).containsExactly("HRV back inside your normal range or resting HR back to baseline → train");
    // Two for rest (HRV, resting HR) against one for training (form): the verdict's way wins, medium.
    assertThat(card.confidence().agreeing()).isEqualTo(2);
    assertThat(card.confidence().disagreeing()).isEqualTo(1);
    assertThat(card.confidence().level()).isEqualTo("medium");
  }

  @Test
  @DisplayName("Illness: rest, and what would change it; with every other signal good the confidence says they disagree")
  void illness() {
    ReadinessCard card = ReadinessCard.of(on(FRESH).allGood().ill().facts());
    assertThat(card.verdict()).isEqualTo("rest");
    assertThat(card.headline()).isEqualTo("Rest day: you reported illness");
    assertThat(card.whatWouldChange()).containsExactly("Illness gone → hard");
    assertThat(card.confidence().level()).isEqualTo("low");
    ReadinessCard both = ReadinessCard.of(on(FRESH).ill().injured().facts());
    assertThat(both.whatWouldChange()).containsExactly("Illness gone and injury cleared → hard");
  }

  @Test
  @DisplayName("Every recovery signal good on a fresh day: hard with high confidence")
  void allGood() {
    ReadinessCard card = ReadinessCard.of(on(FRESH).allGood().facts());
    assertThat(card.verdict()).isEqualTo("hard");
    // 11 judged: form, HRV, resting HR and sleep lean to training; ramp, ACWR, three usual scores and two unticked flags
    // are neutral; none against (monotony and hard sessions are unknown here).
    assertThat(card.confidence().agreeing()).isEqualTo(4);
    assertThat(card.confidence().disagreeing()).isZero();
    assertThat(card.confidence().signals()).isEqualTo(11);
    assertThat(card.confidence().level()).isEqualTo("high");
    assertThat(card.whatWouldChange()).isEmpty();
  }

  @Test
  @DisplayName("From a real chart and wellness days: a rest day with no history is 'none' until illness is ticked")
  void fromSeries() {
    // The seam is asked for the 60 baseline days before today and today: nothing a baseline reads is left out.
    assertThat(ReadinessCard.wellnessFrom(TODAY)).isEqualTo(TODAY.minusDays(HrvBaseline.BASELINE_DAYS));
    PmcSeries empty = new PmcSeries(List.of(), TODAY, Optional.empty(), PmcOptions.defaults());
    assertThat(ReadinessCard.of(empty, List.of()).verdict()).isEqualTo("none");
    assertThat(ReadinessCard.of(empty, List.of()).confidence().level()).isEqualTo("none");
    assertThat(ReadinessCard.of(empty, List.of(WellnessDay.empty(TODAY).withFlags(true, false))).verdict()).isEqualTo("rest");

    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    for (int i = 1; i <= 60; i++) {
      loads.put(TODAY.minusDays(i), i % 2 == 0 ? 60.0 : 0.0);
    }
    PmcSeries series = new PmcSeries(Pmc.compute(loads, TODAY, PmcOptions.defaults()), TODAY, Optional.of(loads.firstKey()),
        PmcOptions.defaults());
    String loadOnly = ReadinessCard.of(series, List.of()).verdict();
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      days.add(WellnessDay.empty(TODAY.minusDays(i)).withHrv(i % 2 == 0 ? 50.0 : 70.0).withRestingHr(50));
    }
    days.add(WellnessDay.empty(TODAY.minusDays(61)).withHrv(5.0));
    days.add(WellnessDay.empty(TODAY).withHrv(20.0).withRestingHr(70));
    ReadinessCard card = ReadinessCard.of(series, days);
    assertThat(card.loadVerdict()).isEqualTo(loadOnly);
    // A 7-day ln rMSSD mean of (3·ln 50 + 3·ln 70 + ln 20)/7 = 3.925 against 4.080 ± 0.129: below. Resting HR 7-day mean
    // (6·50 + 70)/7 = 52.86 against 50 with SD 0: more than 1 SD up. Together: easy at most.
    assertThat(signal(card, "hrv").direction()).isEqualTo("for_rest");
    assertThat(signal(card, "restingHr").direction()).isEqualTo("for_rest");
    assertThat(card.rules()).contains("hrv-low-and-resting-hr-up");
    assertThat(card.verdict()).isIn("rest", "easy");
  }
}
