package fitcoach.plan;

import static fitcoach.plan.PlanFixtures.distance;
import static fitcoach.plan.PlanFixtures.ftp;
import static fitcoach.plan.PlanFixtures.hrZone;
import static fitcoach.plan.PlanFixtures.intervalSteps;
import static fitcoach.plan.PlanFixtures.lthr;
import static fitcoach.plan.PlanFixtures.pace;
import static fitcoach.plan.PlanFixtures.repeat;
import static fitcoach.plan.PlanFixtures.timed;
import static fitcoach.plan.PlanFixtures.workout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Decode;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import com.garmin.fit.WktStepDuration;
import com.garmin.fit.WktStepTarget;
import com.garmin.fit.WorkoutMesg;
import com.garmin.fit.WorkoutMesgListener;
import com.garmin.fit.WorkoutStepMesg;
import com.garmin.fit.WorkoutStepMesgListener;
import fitcoach.app.ApiException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encodes planned workouts and decodes them back with the Garmin FIT SDK, as a watch would read them. */
class FitWorkoutFileTest {
  private static final Instant CREATED = Instant.parse("2026-12-07T08:30:00Z");
  private static final int LTHR = 170;

  /** What the SDK's decoder hands back from a file. */
  private record Decoded(List<FileIdMesg> fileIds, List<WorkoutMesg> workouts, List<WorkoutStepMesg> steps) {
    WorkoutMesg workout() {
      assertThat(workouts).hasSize(1);
      return workouts.get(0);
    }

    WorkoutStepMesg step(int index) {
      return steps.get(index);
    }
  }

  private static Decoded decode(byte[] fit) {
    assertThat(new Decode().checkFileIntegrity(new ByteArrayInputStream(fit)))
        .as("header, data size and CRC check out").isTrue();
    Decode decode = new Decode();
    MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
    List<FileIdMesg> fileIds = new ArrayList<>();
    List<WorkoutMesg> workouts = new ArrayList<>();
    List<WorkoutStepMesg> steps = new ArrayList<>();
    broadcaster.addListener((com.garmin.fit.FileIdMesgListener) fileIds::add);
    broadcaster.addListener((WorkoutMesgListener) workouts::add);
    broadcaster.addListener((WorkoutStepMesgListener) steps::add);
    assertThat(decode.read(new ByteArrayInputStream(fit), broadcaster, broadcaster)).isTrue();
    return new Decoded(fileIds, workouts, steps);
  }

  private static Decoded encodeAndDecode(PlannedWorkout workout) {
    return decode(FitWorkoutFile.encode(workout, LTHR, CREATED));
  }

  private static void assertTimed(WorkoutStepMesg step, int index, String name, com.garmin.fit.Intensity intensity,
                                  int seconds) {
    assertThat(step.getMessageIndex()).isEqualTo(index);
    assertThat(step.getWktStepName()).isEqualTo(name);
    assertThat(step.getIntensity()).isEqualTo(intensity);
    assertThat(step.getDurationType()).isEqualTo(WktStepDuration.TIME);
    assertThat(step.getDurationTime()).isEqualTo((float) seconds);
    // The raw field is in milliseconds: duration_time has a scale of 1000.
    assertThat(step.getDurationValue()).isEqualTo(seconds * 1000L);
  }

  private static void assertPower(WorkoutStepMesg step, long low, long high) {
    assertThat(step.getTargetType()).isEqualTo(WktStepTarget.POWER);
    assertThat(step.getTargetPowerZone()).isEqualTo(0L);
    assertThat(step.getCustomTargetPowerLow()).isEqualTo(low);
    assertThat(step.getCustomTargetPowerHigh()).isEqualTo(high);
  }

  @Test
  @DisplayName("A structured workout decodes back step by step: indexes, names, intensities, durations, targets and the repeat.")
  void structuredWorkoutRoundTrip() {
    PlannedWorkout planned = workout("Ride", "VO2 intervals", 4800, null, intervalSteps());

    Decoded fit = encodeAndDecode(planned);

    assertThat(fit.fileIds()).hasSize(1);
    FileIdMesg id = fit.fileIds().get(0);
    assertThat(id.getType()).isEqualTo(File.WORKOUT);
    assertThat(id.getManufacturer()).isEqualTo(Manufacturer.DEVELOPMENT);
    assertThat(id.getTimeCreated().getDate().toInstant()).isEqualTo(CREATED);
    assertThat(id.getSerialNumber()).isNotNull().isNotZero();

    WorkoutMesg workout = fit.workout();
    assertThat(workout.getWktName()).isEqualTo("VO2 intervals");
    assertThat(workout.getSport()).isEqualTo(Sport.CYCLING);
    assertThat(workout.getSubSport()).isEqualTo(SubSport.GENERIC);
    assertThat(workout.getNumValidSteps()).isEqualTo(6);
    assertThat(fit.steps()).hasSize(6);

    WorkoutStepMesg warmup = fit.step(0);
    assertTimed(warmup, 0, "Warm-up", com.garmin.fit.Intensity.WARMUP, 900);
    assertThat(warmup.getTargetType()).isEqualTo(WktStepTarget.HEART_RATE);
    assertThat(warmup.getTargetHrZone()).isEqualTo(2L);
    assertThat(warmup.getCustomTargetHeartRateLow()).isNull();

    WorkoutStepMesg work = fit.step(1);
    assertTimed(work, 1, "Work", com.garmin.fit.Intensity.ACTIVE, 240);
    assertPower(work, 105, 110);

    WorkoutStepMesg recovery = fit.step(2);
    assertTimed(recovery, 2, "Recovery", com.garmin.fit.Intensity.RECOVERY, 180);
    assertPower(recovery, 50, 60);

    WorkoutStepMesg loop = fit.step(3);
    assertThat(loop.getMessageIndex()).isEqualTo(3);
    assertThat(loop.getWktStepName()).isEqualTo("Repeat x5");
    assertThat(loop.getDurationType()).isEqualTo(WktStepDuration.REPEAT_UNTIL_STEPS_CMPLT);
    assertThat(loop.getDurationStep()).as("back to the first repeated step").isEqualTo(1L);
    assertThat(loop.getRepeatSteps()).isEqualTo(5L);
    assertThat(loop.getTargetValue()).isEqualTo(5L);

    WorkoutStepMesg threshold = fit.step(4);
    assertTimed(threshold, 4, "Work", com.garmin.fit.Intensity.ACTIVE, 600);
    assertThat(threshold.getTargetType()).isEqualTo(WktStepTarget.HEART_RATE);
    assertThat(threshold.getTargetHrZone()).as("0 = custom range").isEqualTo(0L);
    // 90–100 % of 170 bpm is 153–170 bpm, which FIT writes as bpm + 100.
    assertThat(threshold.getCustomTargetHeartRateLow()).isEqualTo(253L);
    assertThat(threshold.getCustomTargetHeartRateHigh()).isEqualTo(270L);

    WorkoutStepMesg cooldown = fit.step(5);
    assertThat(cooldown.getMessageIndex()).isEqualTo(5);
    assertThat(cooldown.getWktStepName()).isEqualTo("Cool-down");
    assertThat(cooldown.getIntensity()).isEqualTo(com.garmin.fit.Intensity.COOLDOWN);
    assertThat(cooldown.getDurationType()).isEqualTo(WktStepDuration.DISTANCE);
    assertThat(cooldown.getDurationDistance()).isEqualTo(2000f);
    assertThat(cooldown.getDurationValue()).as("centimetres: scale 100").isEqualTo(200_000L);
    assertThat(cooldown.getTargetType()).isEqualTo(WktStepTarget.SPEED);
    assertThat(cooldown.getTargetSpeedZone()).isEqualTo(0L);
    // 5:30 /km is the slower bound, so the low speed; 5:00 /km the high one. The field keeps millimetres per second.
    assertThat(cooldown.getCustomTargetSpeedLow()).isCloseTo(1000f / 330, within(0.001f));
    assertThat(cooldown.getCustomTargetSpeedHigh()).isCloseTo(1000f / 300, within(0.001f));
    assertThat(cooldown.getCustomTargetValueLow()).isEqualTo(3030L);
    assertThat(cooldown.getCustomTargetValueHigh()).isEqualTo(3333L);
  }

  @Test
  @DisplayName("A corrupted byte makes the file fail the SDK's integrity check, so that check is a real one.")
  void integrityCheckCatchesCorruption() {
    byte[] fit = FitWorkoutFile.encode(workout("Ride", "VO2", 3600, null, intervalSteps()), LTHR, CREATED);
    fit[fit.length / 2] ^= 0x5A;
    assertThat(new Decode().checkFileIntegrity(new ByteArrayInputStream(fit))).isFalse();
  }

  @Test
  @DisplayName("A 45-minute run without steps is one open-target active step of 45 minutes.")
  void unstructuredRun() {
    Decoded fit = encodeAndDecode(workout("Run", "Easy run", 2700, null, List.of()));

    assertThat(fit.workout().getSport()).isEqualTo(Sport.RUNNING);
    assertThat(fit.workout().getNumValidSteps()).isEqualTo(1);
    assertThat(fit.steps()).hasSize(1);
    WorkoutStepMesg step = fit.step(0);
    assertTimed(step, 0, "Easy run", com.garmin.fit.Intensity.ACTIVE, 2700);
    assertThat(step.getTargetType()).isEqualTo(WktStepTarget.OPEN);
  }

  @Test
  @DisplayName("A session planned in a heart-rate zone and with both duration and distance keeps the zone and the duration.")
  void unstructuredInZone() {
    PlannedWorkout planned = PlanFixtures.withIntensity(workout("Ride", "Endurance", 7200, 60000.0, List.of()),
        new Intensity(Intensity.HR_ZONE, 2));

    WorkoutStepMesg step = encodeAndDecode(planned).step(0);

    assertThat(step.getDurationType()).isEqualTo(WktStepDuration.TIME);
    assertThat(step.getDurationTime()).isEqualTo(7200f);
    assertThat(step.getTargetType()).isEqualTo(WktStepTarget.HEART_RATE);
    assertThat(step.getTargetHrZone()).isEqualTo(2L);
  }

  @Test
  @DisplayName("A 1,500 m swim with no duration is a lap-swimming workout of one 1,500 m step.")
  void distanceOnlySwim() {
    Decoded fit = encodeAndDecode(workout("Swim", "CSS swim", null, 1500.0, List.of()));

    assertThat(fit.workout().getSport()).isEqualTo(Sport.SWIMMING);
    assertThat(fit.workout().getSubSport()).isEqualTo(SubSport.LAP_SWIMMING);
    assertThat(fit.workout().getPoolLength()).as("the plan does not know the pool").isNull();
    WorkoutStepMesg step = fit.step(0);
    assertThat(step.getDurationType()).isEqualTo(WktStepDuration.DISTANCE);
    assertThat(step.getDurationDistance()).isEqualTo(1500f);
  }

  @Test
  @DisplayName("A 300-character title with NUL bytes, line breaks and emoji encodes to a clean 40-character name.")
  void hostileTitle() {
    String title = "Tempo\u0000 run 🏃‍♀️ over\nthe hills " + "x".repeat(300);
    Decoded fit = encodeAndDecode(workout("TrailRun", title, 3600, null,
        List.of(timed(WorkoutStep.WORK, 3600, pace(270, 280)))));

    String name = fit.workout().getWktName();
    assertThat(name).doesNotContain("\u0000").doesNotContain("\n");
    assertThat(name).startsWith("Tempo run 🏃‍♀️ over the hills x");
    assertThat(name.codePointCount(0, name.length())).isEqualTo(FitWorkoutFile.NAME_MAX_CHARS);
    assertThat(fit.workout().getSport()).isEqualTo(Sport.RUNNING);
    assertThat(fit.workout().getSubSport()).isEqualTo(SubSport.TRAIL);
    assertThat(fit.steps()).hasSize(1);
  }

  @Test
  @DisplayName("An emoji cut by the length limit is dropped whole, never left as half a surrogate pair.")
  void truncationKeepsCharactersWhole() {
    String title = "a".repeat(FitWorkoutFile.NAME_MAX_CHARS - 1) + "🚴🚴";
    String name = encodeAndDecode(workout("Ride", title, 3600, null, List.of())).workout().getWktName();
    assertThat(name).isEqualTo("a".repeat(FitWorkoutFile.NAME_MAX_CHARS - 1) + "🚴");
  }

  @Test
  @DisplayName("A blank or control-only title still gives the workout a name.")
  void blankTitle() {
    assertThat(encodeAndDecode(workout("Ride", "\u0000\u0001 ", 3600, null, List.of())).workout().getWktName())
        .isEqualTo("Workout");
  }

  @Test
  @DisplayName("A % LTHR target without the athlete's threshold heart rate is a 422 asking to set it.")
  void lthrWithoutThreshold() {
    PlannedWorkout planned = workout("Run", "Threshold", 3600, null, List.of(timed(WorkoutStep.WORK, 1200, lthr(95, 100))));

    assertThatThrownBy(() -> FitWorkoutFile.encode(planned, null, CREATED))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.code()).isEqualTo(FitWorkoutFile.LTHR_MISSING);
          assertThat(e.getMessage()).contains("threshold heart rate");
        });
  }

  @Test
  @DisplayName("Without any % LTHR step the threshold heart rate is not needed.")
  void noLthrNeeded() {
    PlannedWorkout planned = workout("Ride", "Sweet spot", 3600, null, List.of(timed(WorkoutStep.WORK, 1200, ftp(88, 94))));
    assertPower(decode(FitWorkoutFile.encode(planned, null, CREATED)).step(0), 88, 94);
  }

  @Test
  @DisplayName("A range of heart-rate zones is written as its lower zone, since FIT holds one zone.")
  void zoneRangeUsesLowerZone() {
    PlannedWorkout planned = workout("Run", "Aerobic", 3600, null, List.of(timed(WorkoutStep.WORK, 3600, hrZone(2, 3))));
    WorkoutStepMesg step = encodeAndDecode(planned).step(0);
    assertThat(step.getTargetType()).isEqualTo(WktStepTarget.HEART_RATE);
    assertThat(step.getTargetHrZone()).isEqualTo(2L);
  }

  @Test
  @DisplayName("Targets FIT cannot express (over 1000 % FTP, zone 7, a zero pace, negative %) are a 422, not a wrong file.")
  void unencodableTargets() {
    for (StepTarget target : List.of(ftp(100, 1200), ftp(-5, 50), hrZone(7, 7), hrZone(0, 1), pace(0, 300), lthr(-10, 90), lthr(90, 500))) {
      PlannedWorkout planned = workout("Ride", "Bad", 600, null, List.of(timed(WorkoutStep.WORK, 600, target)));
      assertThatThrownBy(() -> FitWorkoutFile.encode(planned, LTHR, CREATED))
          .as(target.toString())
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo(FitWorkoutFile.TARGET_NOT_ENCODABLE);
          });
    }
  }

  @Test
  @DisplayName("A step with neither duration nor distance is open (lap button), and a target-less step has an open target.")
  void openStep() {
    PlannedWorkout planned = workout("Run", "Drills", null, null, List.of(
        new WorkoutStep(WorkoutStep.WARMUP, null, null, null, null, null),
        distance(WorkoutStep.WORK, 400, null)));
    Decoded fit = encodeAndDecode(planned);
    assertThat(fit.step(0).getDurationType()).isEqualTo(WktStepDuration.OPEN);
    assertThat(fit.step(0).getTargetType()).isEqualTo(WktStepTarget.OPEN);
    assertThat(fit.step(1).getDurationDistance()).isEqualTo(400f);
    assertThat(fit.step(1).getTargetType()).isEqualTo(WktStepTarget.OPEN);
  }

  @Test
  @DisplayName("Two repeats in a row each point back at their own first step.")
  void twoRepeats() {
    PlannedWorkout planned = workout("Run", "Track", 3600, null, List.of(
        repeat(3, timed(WorkoutStep.WORK, 60, pace(200, 210)), timed(WorkoutStep.RECOVERY, 60, null)),
        repeat(2, distance(WorkoutStep.WORK, 1000, pace(230, 240)))));
    Decoded fit = encodeAndDecode(planned);

    assertThat(fit.workout().getNumValidSteps()).isEqualTo(5);
    assertThat(fit.step(2).getDurationStep()).isEqualTo(0L);
    assertThat(fit.step(2).getRepeatSteps()).isEqualTo(3L);
    assertThat(fit.step(3).getMessageIndex()).isEqualTo(3);
    assertThat(fit.step(4).getDurationType()).isEqualTo(WktStepDuration.REPEAT_UNTIL_STEPS_CMPLT);
    assertThat(fit.step(4).getDurationStep()).isEqualTo(3L);
    assertThat(fit.step(4).getRepeatSteps()).isEqualTo(2L);
  }

  @ParameterizedTest(name = "{0} → {1}/{2}")
  @CsvSource({
      "Run, RUNNING, GENERIC", "TrailRun, RUNNING, TRAIL", "VirtualRun, RUNNING, VIRTUAL_ACTIVITY",
      "Ride, CYCLING, GENERIC", "VirtualRide, CYCLING, VIRTUAL_ACTIVITY", "GravelRide, CYCLING, GRAVEL_CYCLING",
      "MountainBikeRide, CYCLING, MOUNTAIN", "Swim, SWIMMING, LAP_SWIMMING", "Walk, WALKING, GENERIC",
      "Hike, HIKING, GENERIC", "Rowing, ROWING, GENERIC", "WeightTraining, GENERIC, GENERIC", "Yoga, GENERIC, GENERIC"})
  @DisplayName("Each sport type is written with the FIT sport and sub-sport a watch files it under.")
  void sportMapping(String sportType, Sport sport, SubSport subSport) {
    WorkoutMesg workout = encodeAndDecode(workout(sportType, "S", 1800, null, List.of())).workout();
    assertThat(workout.getSport()).isEqualTo(sport);
    assertThat(workout.getSubSport()).isEqualTo(subSport);
  }
}
