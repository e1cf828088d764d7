package fitcoach.readiness;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One morning's wellness entry, the readiness card's input (the wellness store maps its rows to this). A null field
 * was not recorded. Scores are 1–5 with 5 the most of the named thing: {@code soreness} 5 = very sore, {@code stress}
 * 5 = very stressed, {@code motivation} 5 = very motivated, {@code sleepQuality} 5 = slept very well.
 *
 * @param date the local date of the morning: {@code sleepHours} is the night that ended that morning
 * @param hrvRmssd morning rMSSD in ms (the store validates 5–300)
 * @param restingHr morning resting heart rate in bpm
 */
public record WellnessDay(LocalDate date, Double sleepHours, Integer sleepQuality, Integer soreness, Integer stress,
                          Integer motivation, Double hrvRmssd, Integer restingHr, Double weightKg, boolean illness,
                          boolean injury) {
  public WellnessDay {
    Objects.requireNonNull(date, "date");
  }

  /** A day with nothing recorded but the date, to build from in tests and imports. */
  public static WellnessDay empty(LocalDate date) {
    return new WellnessDay(date, null, null, null, null, null, null, null, null, false, false);
  }

  public WellnessDay withHrv(Double rmssd) {
    return new WellnessDay(date, sleepHours, sleepQuality, soreness, stress, motivation, rmssd, restingHr, weightKg, illness, injury);
  }

  public WellnessDay withRestingHr(Integer bpm) {
    return new WellnessDay(date, sleepHours, sleepQuality, soreness, stress, motivation, hrvRmssd, bpm, weightKg, illness, injury);
  }

  public WellnessDay withSleep(Double hours) {
    return new WellnessDay(date, hours, sleepQuality, soreness, stress, motivation, hrvRmssd, restingHr, weightKg, illness, injury);
  }

  public WellnessDay withScores(Integer soreness, Integer stress, Integer motivation) {
    return new WellnessDay(date, sleepHours, sleepQuality, soreness, stress, motivation, hrvRmssd, restingHr, weightKg, illness, injury);
  }

  public WellnessDay withFlags(boolean illness, boolean injury) {
    return new WellnessDay(date, sleepHours, sleepQuality, soreness, stress, motivation, hrvRmssd, restingHr, weightKg, illness, injury);
  }
}
