package fitcoach.wellness;

import static org.assertj.core.api.Assertions.assertThat;

import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.HrvStatusSummaryMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.MonitoringHrDataMesg;
import com.garmin.fit.MonitoringInfoMesg;
import com.garmin.fit.SleepLevel;
import com.garmin.fit.SleepLevelMesg;
import com.garmin.fit.WeightScaleMesg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wellness from non-activity FIT files, written here with the Garmin SDK's own encoder. */
class FitWellnessTest {
  private static final ZoneId DENVER = ZoneId.of("America/Denver");

  @TempDir
  Path dir;

  private static DateTime at(String instant) {
    return new DateTime(Date.from(Instant.parse(instant)));
  }

  private byte[] fit(File type, Mesg... messages) throws IOException {
    Path file = dir.resolve("wellness-" + System.nanoTime() + ".fit");
    FileEncoder encoder = new FileEncoder(file.toFile(), Fit.ProtocolVersion.V2_0);
    FileIdMesg id = new FileIdMesg();
    id.setType(type);
    id.setManufacturer(Manufacturer.GARMIN);
    id.setTimeCreated(at("2026-12-01T12:00:00Z"));
    encoder.write(id);
    encoder.write(Arrays.asList(messages));
    encoder.close();
    return Files.readAllBytes(file);
  }

  private static SleepLevelMesg level(String instant, SleepLevel level) {
    SleepLevelMesg m = new SleepLevelMesg();
    m.setTimestamp(at(instant));
    m.setSleepLevel(level);
    return m;
  }

  @Test
  @DisplayName("HRV, resting HR and a night's sleep land on the morning's local date, taken from the file's own offset")
  void monitoringFileByItsOwnOffset() throws IOException {
    MonitoringInfoMesg info = new MonitoringInfoMesg();
    info.setTimestamp(at("2026-12-02T06:00:00Z"));
    // UTC+1 (a watch set to Paris), whatever the athlete's account zone says.
    info.setLocalTimestamp(at("2026-12-02T06:00:00Z").getTimestamp() + 3600);
    HrvStatusSummaryMesg hrv = new HrvStatusSummaryMesg();
    hrv.setTimestamp(at("2026-12-02T05:30:00Z"));
    hrv.setLastNightAverage(61.4f);
    hrv.setWeeklyAverage(58f);
    MonitoringHrDataMesg rest = new MonitoringHrDataMesg();
    rest.setTimestamp(at("2026-12-02T22:59:00Z"));
    rest.setCurrentDayRestingHeartRate((short) 47);
    rest.setRestingHeartRate((short) 49);
    List<Mesg> all = new ArrayList<>(List.of(info, hrv, rest));
    // 22:00–06:30 UTC: 30 min awake falling asleep, 7 h 30 light/deep/REM, 30 min awake before getting up.
    all.add(level("2026-12-01T22:00:00Z", SleepLevel.AWAKE));
    all.add(level("2026-12-01T22:30:00Z", SleepLevel.LIGHT));
    all.add(level("2026-12-02T00:30:00Z", SleepLevel.DEEP));
    all.add(level("2026-12-02T02:00:00Z", SleepLevel.REM));
    all.add(level("2026-12-02T03:00:00Z", SleepLevel.LIGHT));
    all.add(level("2026-12-02T06:00:00Z", SleepLevel.AWAKE));
    all.add(level("2026-12-02T06:30:00Z", SleepLevel.AWAKE));
    byte[] bytes = fit(File.MONITORING_B, all.toArray(Mesg[]::new));

    assertThat(FitWellness.isWellnessFile(bytes)).isTrue();
    // 22:59 UTC is 23:59 at the watch's UTC+1: still the 2nd, with the night that ended that morning.
    assertThat(FitWellness.read(bytes, DENVER))
        .containsExactly(new FitWellness.Day(LocalDate.parse("2026-12-02"), 61.4, 47.0, 7.5, null));
  }

  @Test
  @DisplayName("Without an offset in the file the athlete's zone places each value; a scale's weight file is read too")
  void athleteZoneAndWeight() throws IOException {
    WeightScaleMesg morning = new WeightScaleMesg();
    morning.setTimestamp(at("2026-12-03T05:00:00Z"));
    morning.setWeight(71.26f);
    WeightScaleMesg evening = new WeightScaleMesg();
    evening.setTimestamp(at("2026-12-04T01:00:00Z"));
    evening.setWeight(70.9f);
    byte[] bytes = fit(File.WEIGHT, morning, evening);
    assertThat(FitWellness.isWellnessFile(bytes)).isTrue();
    // 05:00 UTC is 22:00 the day before in Denver; 01:00 UTC on the 4th is 18:00 on the 3rd.
    assertThat(FitWellness.read(bytes, DENVER)).containsExactly(
        new FitWellness.Day(LocalDate.parse("2026-12-02"), null, null, null, 71.3),
        new FitWellness.Day(LocalDate.parse("2026-12-03"), null, null, null, 70.9));
    assertThat(FitWellness.read(bytes, ZoneId.of("UTC"))).extracting(FitWellness.Day::date)
        .containsExactly(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04"));
  }

  @Test
  @DisplayName("Awake spans, a gap in the recording and a later nap are not one long night")
  void sleepCountsOnlySleep() throws IOException {
    byte[] bytes = fit(File.MONITORING_B,
        level("2026-12-05T05:00:00Z", SleepLevel.LIGHT),
        level("2026-12-05T07:00:00Z", SleepLevel.UNMEASURABLE),
        level("2026-12-05T07:30:00Z", SleepLevel.DEEP),
        level("2026-12-05T09:00:00Z", SleepLevel.AWAKE),
        level("2026-12-05T13:00:00Z", SleepLevel.AWAKE),
        // A nap in the afternoon, after four hours awake: counted on its own, on the same date.
        level("2026-12-05T20:00:00Z", SleepLevel.LIGHT),
        level("2026-12-05T20:45:00Z", SleepLevel.AWAKE));
    List<FitWellness.Day> days = FitWellness.read(bytes, ZoneId.of("UTC"));
    assertThat(days).containsExactly(new FitWellness.Day(LocalDate.parse("2026-12-05"), null, null, 4.25, null));
  }

  @Test
  @DisplayName("Activity files, other files and damaged bytes are not wellness files and give no days")
  void notWellness() throws IOException {
    byte[] activity = fit(File.ACTIVITY, level("2026-12-05T05:00:00Z", SleepLevel.LIGHT));
    assertThat(FitWellness.isWellnessFile(activity)).isFalse();
    byte[] course = fit(File.COURSE);
    assertThat(FitWellness.isWellnessFile(course)).isFalse();
    assertThat(FitWellness.read(course, DENVER)).isEmpty();
    assertThat(FitWellness.isWellnessFile("date,hrv\n".getBytes())).isFalse();
    byte[] cut = Arrays.copyOf(fit(File.WEIGHT, new WeightScaleMesg()), 20);
    assertThat(FitWellness.read(cut, DENVER)).isEmpty();
    assertThat(FitWellness.read(null, DENVER)).isEmpty();
  }
}
