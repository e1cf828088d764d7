package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Sport;
import fitcoach.activities.ActivityLeg;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIT files written by the SDK's encoder in the test, so these run without the shared sample files. */
class FitParserTest {
  @TempDir
  Path dir;

  /** One hour at 1 Hz, 8 m/s, with the given watts each second; the session records no power fields. */
  private byte[] ride(String name, java.util.function.IntUnaryOperator watts) {
    FitFiles fit = FitFiles.activity().utcOffsetSeconds(3600).session(Sport.CYCLING, 0, 3600, 3600, 28800.0);
    for (int t = 0; t < 3600; t++) {
      int second = t;
      fit.record(t, r -> {
        r.setPower(watts.applyAsInt(second));
        r.setHeartRate((short) 140);
        r.setSpeed(8f);
        r.setDistance(8f * second);
      });
    }
    return fit.write(dir.resolve(name));
  }

  private static ParsedFile parse(String name, byte[] bytes) throws ImportException {
    return ActivityFileParser.parseFile(name, new ByteArrayInputStream(bytes));
  }

  @Test
  @DisplayName("A one-hour ride at a constant 200 W has an average and a normalized power of exactly 200 W.")
  void constantPowerRide() throws Exception {
    ParsedActivity a = parse("ride.fit", ride("ride.fit", t -> 200)).activities().get(0);

    assertThat(a.format()).isEqualTo("fit");
    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(FitFiles.START);
    assertThat(a.elapsedTimeS()).isEqualTo(3600);
    assertThat(a.distanceM()).isCloseTo(28800.0, within(0.01));
    assertThat(a.avgPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(a.normalizedPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(a.avgHr()).isCloseTo(140.0, within(1e-9));
    assertThat(a.streams().powerW()).hasSize(3600);
    assertThat(a.streams().timeS()[3599]).isEqualTo(3599);
  }

  @Test
  @DisplayName("Alternating 30 s at 300 W and 30 s at 100 W averages 200 W but has the Coggan NP of 221.85 W.")
  void intervalRideHasNpAboveAverage() throws Exception {
    ParsedActivity a = parse("intervals.fit", ride("intervals.fit", t -> (t / 30) % 2 == 0 ? 300 : 100))
        .activities().get(0);

    assertThat(a.avgPowerW()).isCloseTo(200.0, within(1e-9));
    // The 30 s rolling mean of a 30/30 square wave is a triangle wave between 100 and 300 W; its 4th-power mean
    // over the 3571 full windows gives 221.8509 W (computed independently).
    assertThat(a.normalizedPowerW()).isCloseTo(221.8509, within(0.001));
    assertThat(a.normalizedPowerW()).isGreaterThan(a.avgPowerW() + 20);
  }

  @Test
  @DisplayName("The device's UTC offset in the activity message gives the local start time; the zone stays unknown.")
  void localStartFromActivityOffset() throws Exception {
    ParsedActivity a = parse("ride.fit", ride("ride.fit", t -> 200)).activities().get(0);

    assertThat(a.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 8, 0, 0));
    assertThat(a.timeZone()).isNull();
    assertThat(a.deviceName()).isEqualTo("Garmin Edge 530");
  }

  /** A ten-minute run at the position, with the device's UTC offset in the activity message when one is given. */
  private byte[] runAt(String name, double lat, double lon, Integer utcOffsetS) {
    FitFiles fit = FitFiles.activity().session(Sport.RUNNING, 0, 600, 600, 1800.0);
    if (utcOffsetS != null) {
      fit.utcOffsetSeconds(utcOffsetS);
    }
    for (int t = 0; t < 600; t++) {
      fit.record(t, r -> {
        r.setPositionLat(FitFiles.semicircles(lat));
        r.setPositionLong(FitFiles.semicircles(lon));
        r.setSpeed(3f);
      });
    }
    return fit.write(dir.resolve(name));
  }

  @Test
  @DisplayName("Without a device offset, the first position gives the zone: a run in Tokyo starts at 16:00 Asia/Tokyo.")
  void zoneFromPositionInTokyo() throws Exception {
    ParsedActivity a = parse("tokyo.fit", runAt("tokyo.fit", 35.6812, 139.7671, null)).activities().get(0);

    assertThat(a.timeZone()).isEqualTo("Asia/Tokyo");
    assertThat(a.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 16, 0, 0));
  }

  @Test
  @DisplayName("A run in New York at 07:00 UTC on 10 March 2024, the instant DST began, starts at 03:00 EDT, not 02:00.")
  void zoneFromPositionInNewYorkAcrossDst() throws Exception {
    ParsedActivity a = parse("nyc.fit", runAt("nyc.fit", 40.7829, -73.9654, null)).activities().get(0);

    assertThat(a.timeZone()).isEqualTo("America/New_York");
    assertThat(a.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 3, 0, 0));
  }

  @Test
  @DisplayName("The device's offset wins for the local start; the position names the zone only when its offset agrees.")
  void deviceOffsetAndPosition() throws Exception {
    ParsedActivity agreeing = parse("tokyo.fit", runAt("tokyo.fit", 35.6812, 139.7671, 9 * 3600)).activities().get(0);
    assertThat(agreeing.timeZone()).isEqualTo("Asia/Tokyo");
    assertThat(agreeing.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 16, 0, 0));

    // A watch still on Central European time while its owner runs in Tokyo.
    ParsedActivity homeTime = parse("tokyo.fit", runAt("tokyo.fit", 35.6812, 139.7671, 3600)).activities().get(0);
    assertThat(homeTime.timeZone()).isNull();
    assertThat(homeTime.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 8, 0, 0));
    assertThat(LocalStart.zone(homeTime, java.time.ZoneId.of("Europe/Berlin"))).isEqualTo("Europe/Berlin");
    assertThat(LocalStart.zone(homeTime, java.time.ZoneId.of("UTC"))).isEqualTo("+01:00");
  }

  @Test
  @DisplayName("A device offset of 0 for a ride in Bogotá (UTC−5) is a device without a time zone: the position's zone gives the local start")
  void zeroOffsetInBogota() throws Exception {
    ParsedActivity a = parse("bogota.fit", runAt("bogota.fit", 4.7110, -74.0721, 0)).activities().get(0);
    assertThat(a.timeZone()).isEqualTo("America/Bogota");
    assertThat(a.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 2, 0, 0));
    assertThat(LocalStart.zone(a, java.time.ZoneId.of("UTC"))).isEqualTo("America/Bogota");

    // In London, UTC+0 in March, an offset of 0 is simply right.
    ParsedActivity london = parse("london.fit", runAt("london.fit", 51.5072, -0.1276, 0)).activities().get(0);
    assertThat(london.timeZone()).isEqualTo("Europe/London");
    assertThat(london.startLocal()).isEqualTo(LocalDateTime.of(2024, 3, 10, 7, 0, 0));
  }

  @Test
  @DisplayName("A run paused for five minutes has a moving time five minutes shorter than its elapsed time.")
  void pausedRun() throws Exception {
    FitFiles fit = FitFiles.activity().session(Sport.RUNNING, 0, 1500, 1200, 3600.0);
    for (int t = 0; t < 1500; t++) {
      if (t >= 600 && t < 900) {
        continue; // the watch was paused: no records
      }
      int second = t;
      fit.record(t, r -> {
        r.setSpeed(3f);
        r.setHeartRate((short) 150);
        r.setDistance(3f * Math.min(second, 600) + 3f * Math.max(0, second - 900));
      });
    }
    ParsedActivity a = parse("run.fit", fit.write(dir.resolve("run.fit"))).activities().get(0);

    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.elapsedTimeS()).isEqualTo(1500);
    // 599 one-second intervals before and after the 301 s gap; the gap itself is a pause.
    assertThat(a.movingTimeS()).isEqualTo(1198);
    assertThat(a.elapsedTimeS() - a.movingTimeS()).isGreaterThanOrEqualTo(300);
    assertThat(a.startLocal()).isNull();
  }

  @Test
  @DisplayName("Standing still at 0 m/s while the watch keeps recording does not count as moving time.")
  void standingStillIsNotMoving() throws Exception {
    FitFiles fit = FitFiles.activity().session(Sport.RUNNING, 0, 600, 600, null);
    for (int t = 0; t < 600; t++) {
      float speed = t > 200 && t <= 320 ? 0f : 3f;
      fit.record(t, r -> r.setSpeed(speed));
    }
    ParsedActivity a = parse("lights.fit", fit.write(dir.resolve("lights.fit"))).activities().get(0);

    assertThat(a.elapsedTimeS()).isEqualTo(600);
    assertThat(a.movingTimeS()).isEqualTo(599 - 120);
  }

  @Test
  @DisplayName("A swim whose heart rate was stored by the strap in hr messages gets it merged into its records.")
  void heartRateFromStrapMessages() throws Exception {
    FitFiles fit = FitFiles.activity().session(Sport.SWIMMING, 0, 300, 300, 300.0);
    for (int t = 0; t <= 300; t += 5) {
      int second = t;
      fit.record(t, r -> r.setDistance((float) second));
    }
    com.garmin.fit.HrMesg anchor = new com.garmin.fit.HrMesg();
    anchor.setTimestamp(FitFiles.at(0));
    anchor.setEventTimestamp(0, 0f);
    anchor.setFilteredBpm(0, (short) 130);
    fit.message(anchor);
    for (int k = 1; k <= 60; k++) {
      com.garmin.fit.HrMesg beat = new com.garmin.fit.HrMesg();
      beat.setEventTimestamp(0, k * 5f);
      beat.setFilteredBpm(0, (short) 130);
      fit.message(beat);
    }
    ParsedActivity a = parse("swim.fit", fit.write(dir.resolve("swim.fit"))).activities().get(0);

    assertThat(a.sportType()).isEqualTo("Swim");
    assertThat(a.streams().heartRate()).isNotNull();
    assertThat(a.streams().heartRate()[1]).isEqualTo(130.0);
    assertThat(a.avgHr()).isCloseTo(130.0, within(1e-9));
  }

  @Test
  @DisplayName("A triathlon FIT file is one activity with five legs, transitions included, and totals summed over the legs.")
  void triathlonIsOneActivityWithLegs() throws Exception {
    List<ParsedActivity> activities = parse("tri.fit", FitFiles.triathlon().write(dir.resolve("tri.fit"))).activities();

    assertThat(activities).hasSize(1);
    ParsedActivity a = activities.get(0);
    assertThat(a.sportType()).isEqualTo("Triathlon");
    assertThat(a.startUtc()).isEqualTo(FitFiles.START);
    assertThat(a.startLocal()).isEqualTo(LocalDateTime.parse("2024-03-10T08:00:00"));
    assertThat(a.legs()).extracting(ActivityLeg::sportType).containsExactly("Swim", "Transition", "Ride", "Transition", "Run");
    assertThat(a.legs()).extracting(ActivityLeg::startOffsetS).containsExactly(0, 1800, 1920, 5520, 5580);
    assertThat(a.legs()).extracting(ActivityLeg::elapsedTimeS).containsExactly(1800, 120, 3600, 60, 1800);
    // Each leg's records are a second apart; the second from a leg's last record to the next leg's first is in neither.
    assertThat(a.legs()).extracting(ActivityLeg::movingTimeS).containsExactly(1799, 119, 3599, 59, 1800);
    assertThat(a.legs()).extracting(ActivityLeg::distanceM).containsExactly(1500.0, 200.0, 36000.0, 100.0, 5400.0);
    assertThat(a.legs()).extracting(ActivityLeg::avgHr).containsExactly(140.0, 150.0, 150.0, 160.0, 160.0);
    assertThat(a.legs()).extracting(ActivityLeg::avgPowerW).containsExactly(null, null, 200.0, null, null);
    assertThat(a.legs()).extracting(ActivityLeg::normalizedPowerW).containsExactly(null, null, 200.0, null, null);

    assertThat(a.elapsedTimeS()).isEqualTo(5580 + 1800);
    assertThat(a.movingTimeS()).isEqualTo(1799 + 119 + 3599 + 59 + 1800);
    assertThat(a.distanceM()).isCloseTo(43200.0, within(0.01));
    assertThat(a.elevationGainM()).isCloseTo(50.0 + 20.0, within(1e-9));
    // (140·1799 + 150·119 + 150·3599 + 160·59 + 160·1800) / 7376 = 1107000 / 7376
    assertThat(a.avgHr()).isCloseTo(1107000.0 / 7376, within(1e-9));
    assertThat(a.maxHr()).isEqualTo(160.0);
    // Only the bike had a power meter: its average is not diluted by the other legs' hours.
    assertThat(a.avgPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(a.normalizedPowerW()).as("no NP unless every leg but the transitions has one").isNull();
    assertThat(a.avgCadence()).isNull();
    assertThat(a.streams().size()).isEqualTo(7381);
    assertThat(a.streams().timeS()[0]).isZero();
    assertThat(a.streams().timeS()[7380]).isEqualTo(7380);
  }

  @Test
  @DisplayName("A brick (ride then run) is one Multisport activity; with power on both legs its NP is their fourth-power mean.")
  void brickIsOneMultisportActivity() throws Exception {
    FitFiles fit = FitFiles.activity()
        .session(Sport.CYCLING, 0, 1200, 1200, 9600.0)
        .session(Sport.RUNNING, 1200, 600, 600, 1800.0);
    for (int t = 0; t < 1800; t++) {
      boolean riding = t < 1200;
      fit.record(t, r -> {
        r.setSpeed(riding ? 8f : 3f);
        r.setPower(riding ? 180 : 300);
      });
    }
    List<ParsedActivity> activities = parse("brick.fit", fit.write(dir.resolve("brick.fit"))).activities();

    assertThat(activities).hasSize(1);
    ParsedActivity a = activities.get(0);
    assertThat(a.sportType()).isEqualTo("Multisport");
    assertThat(a.legs()).extracting(ActivityLeg::sportType).containsExactly("Ride", "Run");
    assertThat(a.legs()).extracting(ActivityLeg::movingTimeS).containsExactly(1199, 599);
    assertThat(a.legs().get(1).distanceM()).isCloseTo(1800.0, within(0.01));
    assertThat(a.streams().size()).isEqualTo(1800);
    assertThat(a.avgPowerW()).isCloseTo((180.0 * 1199 + 300.0 * 599) / 1798, within(1e-9));
    // ((1199·180⁴ + 599·300⁴) / 1798)^¼ = 241.45 W, above the 220 W average: the hard third weighs more in NP.
    assertThat(a.normalizedPowerW()).isCloseTo(241.45, within(0.01));
  }

  @Test
  @DisplayName("A file of one session has no legs and keeps its own sport.")
  void oneSessionHasNoLegs() throws Exception {
    ParsedActivity a = parse("ride.fit", ride("ride.fit", t -> 200)).activities().get(0);

    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.legs()).isEmpty();
  }

  @Test
  @DisplayName("A FIT file cut short keeps its complete records and says where it was truncated.")
  void truncatedFileKeepsCompleteRecords() throws Exception {
    byte[] whole = ride("whole.fit", t -> 200);
    byte[] cut = Arrays.copyOf(whole, whole.length * 6 / 10);

    ParsedFile parsed = parse("cut.fit", cut);

    ParsedActivity a = parsed.activities().get(0);
    int kept = a.streams().size();
    assertThat(kept).isBetween(1000, 3599);
    assertThat(parsed.warnings()).containsExactly(String.format(java.util.Locale.ENGLISH,
        "The FIT file is truncated after %,d records: imported what was complete", kept));
    // The session was at the end of the file, so the summary comes from the records that survived.
    assertThat(a.sportType()).isEqualTo("Workout");
    assertThat(a.elapsedTimeS()).isEqualTo(kept - 1);
    assertThat(a.avgPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(ActivityFileParser.parse("cut.fit", new ByteArrayInputStream(cut))).hasSize(1);
  }

  @Test
  @DisplayName("A FIT file cut off before its first complete record is refused with a clear message.")
  void truncatedBeforeAnyRecord() {
    byte[] whole = ride("whole.fit", t -> 200);
    byte[] cut = Arrays.copyOf(whole, 30);

    assertThatThrownBy(() -> parse("cut.fit", cut))
        .isInstanceOf(ImportException.class)
        .hasMessage("The FIT file is damaged or truncated before its first complete record: nothing could be imported");
  }

  @Test
  @DisplayName("A 0-byte upload is refused as an empty file.")
  void emptyFile() {
    assertThatThrownBy(() -> parse("ride.fit", new byte[0]))
        .isInstanceOf(ImportException.class)
        .hasMessage("Empty file");
  }

  @Test
  @DisplayName("A text file renamed to .fit is refused as not an activity file.")
  void textRenamedFit() {
    byte[] text = "These are my notes from Tuesday's ride.\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parse("notes.fit", text))
        .isInstanceOf(ImportException.class)
        .hasMessage("Not an activity file: it is named .fit but does not contain FIT data");
  }

  @Test
  @DisplayName("A gzipped FIT file is unpacked, and a FIT file is recognised by its header whatever its name.")
  void gzipAndHeaderDetection() throws Exception {
    byte[] fit = ride("ride.fit", t -> 200);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(fit);
    }

    assertThat(parse("12345.fit.gz", gz.toByteArray()).activities().get(0).avgPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(parse("upload.bin", fit).activities().get(0).sportType()).isEqualTo("Ride");
  }

  @Test
  @DisplayName("A file named .gz that is not compressed is read as it is, as browsers sometimes unpack downloads.")
  void uncompressedGzName() throws Exception {
    ParsedActivity a = parse("ride.fit.gz", ride("ride.fit", t -> 200)).activities().get(0);

    assertThat(a.avgPowerW()).isCloseTo(200.0, within(1e-9));
  }

  @Test
  @DisplayName("A damaged gzip stream is refused with a message saying the compressed file is damaged.")
  void damagedGzip() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(ride("ride.fit", t -> 200));
    }
    byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);

    assertThatThrownBy(() -> parse("ride.fit.gz", cut))
        .isInstanceOf(ImportException.class)
        .hasMessage("The compressed file is damaged and cannot be unpacked");
  }

  @Test
  @DisplayName("Junk after a complete FIT activity keeps the whole activity and says the end could not be read.")
  void trailingJunk() throws Exception {
    byte[] whole = ride("whole.fit", t -> 200);
    byte[] junk = Arrays.copyOf(whole, whole.length + 100);
    Arrays.fill(junk, whole.length, junk.length, (byte) 0x55);

    ParsedFile parsed = parse("junk.fit", junk);

    assertThat(parsed.warnings())
        .containsExactly("The FIT file ends with data that could not be read: imported the complete activity before it");
    assertThat(parsed.activities().get(0).streams().size()).isEqualTo(3600);
    assertThat(parsed.activities().get(0).sportType()).isEqualTo("Ride");
  }

  @Test
  @DisplayName("A FIT file whose checksum does not match imports with a warning that values may be wrong.")
  void badChecksum() throws Exception {
    byte[] bytes = ride("whole.fit", t -> 200);
    bytes[bytes.length - 1] ^= 0x5A;

    ParsedFile parsed = parse("crc.fit", bytes);

    assertThat(parsed.warnings()).containsExactly(
        "The FIT file failed its checksum after 3,600 records: imported them, but some values may be wrong");
    assertThat(parsed.activities().get(0).streams().size()).isEqualTo(3600);
  }

  @Test
  @DisplayName("A FIT course file is refused: it is a planned route, not a recorded activity.")
  void courseFile() {
    FitFiles fit = FitFiles.activity().fileType(com.garmin.fit.File.COURSE);
    for (int t = 0; t < 10; t++) {
      fit.record(t, r -> r.setDistance(10f));
    }
    byte[] bytes = fit.write(dir.resolve("course.fit"));

    assertThatThrownBy(() -> parse("course.fit", bytes))
        .isInstanceOf(ImportException.class)
        .hasMessage("This FIT file is a course file, not a recorded activity");
  }

  @Test
  @DisplayName("Random bytes behind a valid FIT header never escape as anything but an ImportException.")
  void garbageAfterHeader() {
    byte[] header = Arrays.copyOf(ride("ride.fit", t -> 200), 14);
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] body = new byte[1 + random.nextInt(2000)];
      random.nextBytes(body);
      byte[] file = Arrays.copyOf(header, header.length + body.length);
      System.arraycopy(body, 0, file, header.length, body.length);
      try {
        ParsedFile parsed = parse("garbage.fit", file);
        assertThat(parsed.activities()).isNotEmpty();
      } catch (ImportException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }
}
