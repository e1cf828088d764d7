package fitcoach.plan;

import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.WktStepDuration;
import com.garmin.fit.WktStepTarget;
import com.garmin.fit.WorkoutMesg;
import com.garmin.fit.WorkoutStepMesg;
import fitcoach.app.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * A planned workout as a FIT workout file (file_id type WORKOUT, one workout message, one workout_step per step) that
 * Garmin and other watches and bike computers load. Repeats are written the FIT way: the repeated steps, then a step
 * "repeat until steps complete" pointing back at the first of them. Targets map as follows:
 * <ul>
 *   <li>{@code ftp_percent}: power, custom low/high as % FTP (FIT reads 0–1000 as % FTP, above as watts + 1000);</li>
 *   <li>{@code lthr_percent}: heart rate, custom low/high in bpm from the athlete's threshold (FIT: bpm + 100);</li>
 *   <li>{@code hr_zone}: heart-rate zone of the watch. FIT holds a single zone, so a range of zones (2–3) is written
 *       as its lower zone: the easier end is the safer instruction, and the step name still says the range;</li>
 *   <li>{@code pace} (s/km): speed, custom low/high in m/s, the low speed from the slower pace.</li>
 * </ul>
 * A workout without steps becomes one step of its whole duration (or, without one, its distance).
 */
public final class FitWorkoutFile {
  /** Longest workout and step name written; watches show 15–30 characters and Garmin Connect keeps names short. */
  public static final int NAME_MAX_CHARS = 40;
  /** Error code when a step targets % LTHR and the athlete has no threshold heart rate. */
  public static final String LTHR_MISSING = "lthr_missing";
  /** Error code when a target cannot be said in FIT (power above 1000 % FTP, a pace of zero, zone outside 1–5). */
  public static final String TARGET_NOT_ENCODABLE = "target_not_encodable";

  private static final long HR_BPM_OFFSET = 100;
  private static final long POWER_PERCENT_MAX = 1000;

  private FitWorkoutFile() {
  }

  /**
   * The FIT file of a workout. {@code lthrBpm} (threshold heart rate) is needed only when a step targets
   * {@code lthr_percent}; without it that throws a 422 {@link ApiException} ({@link #LTHR_MISSING}) asking the athlete
   * to set it. {@code created} is the file's time_created.
   */
  public static byte[] encode(PlannedWorkout workout, Integer lthrBpm, Instant created) {
    Objects.requireNonNull(workout, "workout");
    Objects.requireNonNull(created, "created");
    List<WorkoutStepMesg> steps = new ArrayList<>();
    if (workout.steps().isEmpty()) {
      steps.add(wholeSession(workout));
    } else {
      StepWriter writer = new StepWriter(lthrBpm, steps);
      workout.steps().forEach(writer::write);
    }

    FitWorkoutSport sport = FitWorkoutSport.of(workout.sport());
    WorkoutMesg header = new WorkoutMesg();
    header.setWktName(name(workout.title(), "Workout"));
    header.setSport(sport.sport());
    header.setSubSport(sport.subSport());
    header.setNumValidSteps(steps.size());

    BufferEncoder encoder = new BufferEncoder();
    encoder.write(fileId(workout, created));
    encoder.write(header);
    steps.forEach(encoder::write);
    return encoder.close();
  }

  /** A name as FIT and watches take it: one line, no control characters, at most {@link #NAME_MAX_CHARS}. */
  static String name(String text, String fallback) {
    String clean = ExportText.truncate(ExportText.oneLine(text), NAME_MAX_CHARS);
    return clean.isEmpty() ? fallback : clean;
  }

  private static FileIdMesg fileId(PlannedWorkout workout, Instant created) {
    FileIdMesg id = new FileIdMesg();
    id.setType(File.WORKOUT);
    id.setManufacturer(Manufacturer.DEVELOPMENT);
    id.setProduct(0);
    // Devices and Garmin Connect tell files apart by serial number and time: derive a stable non-zero serial.
    long serial = workout.id() == null ? 1 : (workout.id().hashCode() & 0xFFFFFFFFL);
    id.setSerialNumber(serial == 0 ? 1 : serial);
    id.setTimeCreated(new DateTime(Date.from(created)));
    return id;
  }

  private static WorkoutStepMesg wholeSession(PlannedWorkout workout) {
    WorkoutStepMesg step = new WorkoutStepMesg();
    step.setMessageIndex(0);
    step.setWktStepName(name(workout.title(), "Workout"));
    step.setIntensity(com.garmin.fit.Intensity.ACTIVE);
    setDuration(step, workout.durationS(), workout.durationS() == null ? workout.distanceM() : null);
    Intensity intensity = workout.intensity();
    if (intensity != null && Intensity.HR_ZONE.equals(intensity.type())) {
      step.setTargetType(WktStepTarget.HEART_RATE);
      step.setTargetHrZone(zone(intensity.value()));
    } else {
      step.setTargetType(WktStepTarget.OPEN);
    }
    return step;
  }

  private static void setDuration(WorkoutStepMesg step, Integer durationS, Double distanceM) {
    if (durationS != null) {
      step.setDurationType(WktStepDuration.TIME);
      step.setDurationTime(durationS.floatValue()); // seconds; the SDK applies the field's scale of 1000
    } else if (distanceM != null) {
      step.setDurationType(WktStepDuration.DISTANCE);
      step.setDurationDistance(distanceM.floatValue()); // metres; the SDK applies the field's scale of 100
    } else {
      step.setDurationType(WktStepDuration.OPEN);
    }
  }

  private static long zone(double value) {
    long zone = Math.round(value);
    if (zone < 1 || zone > 5) {
      throw notEncodable("Heart-rate zone " + value + " is outside zones 1–5.");
    }
    return zone;
  }

  private static ApiException notEncodable(String message) {
    return ApiException.invalid("steps", TARGET_NOT_ENCODABLE, message);
  }

  /** Appends FIT steps in order; message indexes are positions in the list. */
  private static final class StepWriter {
    private final Integer lthrBpm;
    private final List<WorkoutStepMesg> out;

    StepWriter(Integer lthrBpm, List<WorkoutStepMesg> out) {
      this.lthrBpm = lthrBpm;
      this.out = out;
    }

    void write(WorkoutStep step) {
      if (step.isRepeat()) {
        writeRepeat(step);
        return;
      }
      WorkoutStepMesg mesg = new WorkoutStepMesg();
      mesg.setMessageIndex(out.size());
      mesg.setWktStepName(name(StepText.label(step.type()), "Step"));
      mesg.setIntensity(intensity(step.type()));
      setDuration(mesg, step.durationS(), step.durationS() == null ? step.distanceM() : null);
      setTarget(mesg, step.target());
      out.add(mesg);
    }

    private void writeRepeat(WorkoutStep repeat) {
      if (repeat.steps().isEmpty()) {
        return; // nothing to repeat; validation rejects it, and an empty loop would point at the wrong step
      }
      int first = out.size();
      repeat.steps().forEach(this::write);
      int count = repeat.count() == null ? 1 : repeat.count();
      WorkoutStepMesg mesg = new WorkoutStepMesg();
      mesg.setMessageIndex(out.size());
      mesg.setWktStepName("Repeat x" + count);
      mesg.setDurationType(WktStepDuration.REPEAT_UNTIL_STEPS_CMPLT);
      mesg.setDurationStep((long) first);
      mesg.setRepeatSteps((long) count);
      out.add(mesg);
    }

    private void setTarget(WorkoutStepMesg mesg, StepTarget target) {
      if (target == null) {
        mesg.setTargetType(WktStepTarget.OPEN);
        return;
      }
      double low = Math.min(target.low(), target.high());
      double high = Math.max(target.low(), target.high());
      switch (target.type()) {
        case StepTarget.FTP_PERCENT:
          if (low < 0 || high > POWER_PERCENT_MAX) {
            throw notEncodable("Power targets must be within 0–1000 % FTP.");
          }
          mesg.setTargetType(WktStepTarget.POWER);
          mesg.setTargetPowerZone(0L); // 0: custom range rather than a power zone
          mesg.setCustomTargetPowerLow(Math.round(low));
          mesg.setCustomTargetPowerHigh(Math.round(high));
          break;
        case StepTarget.LTHR_PERCENT:
          if (lthrBpm == null || lthrBpm <= 0) {
            throw ApiException.invalid("lthrBpm", LTHR_MISSING, "This workout sets heart rate as % of threshold: "
                + "set your threshold heart rate (LTHR) in Settings to export it.");
          }
          if (low <= 0 || high > 200) {
            throw notEncodable("Heart-rate targets must be within 1–200 % of threshold heart rate.");
          }
          mesg.setTargetType(WktStepTarget.HEART_RATE);
          mesg.setTargetHrZone(0L); // 0: custom range rather than a zone
          mesg.setCustomTargetHeartRateLow(Math.round(lthrBpm * low / 100) + HR_BPM_OFFSET);
          mesg.setCustomTargetHeartRateHigh(Math.round(lthrBpm * high / 100) + HR_BPM_OFFSET);
          break;
        case StepTarget.HR_ZONE:
          mesg.setTargetType(WktStepTarget.HEART_RATE);
          mesg.setTargetHrZone(zone(low));
          break;
        case StepTarget.PACE:
          if (!(low > 0)) {
            throw notEncodable("A pace target must be more than 0 s/km.");
          }
          mesg.setTargetType(WktStepTarget.SPEED);
          mesg.setTargetSpeedZone(0L); // 0: custom range rather than a speed zone
          mesg.setCustomTargetSpeedLow((float) (1000 / high));
          mesg.setCustomTargetSpeedHigh((float) (1000 / low));
          break;
        default:
          mesg.setTargetType(WktStepTarget.OPEN);
      }
    }

    private static com.garmin.fit.Intensity intensity(String type) {
      if (type == null) {
        return com.garmin.fit.Intensity.ACTIVE;
      }
      switch (type) {
        case WorkoutStep.WARMUP: return com.garmin.fit.Intensity.WARMUP;
        case WorkoutStep.RECOVERY: return com.garmin.fit.Intensity.RECOVERY;
        case WorkoutStep.COOLDOWN: return com.garmin.fit.Intensity.COOLDOWN;
        default: return com.garmin.fit.Intensity.ACTIVE;
      }
    }
  }
}
