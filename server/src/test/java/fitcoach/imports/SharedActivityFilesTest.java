package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.SharedActivityFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real device files in {@code shared/data/activity-files} against the values in its README. Skipped when that
 * folder is not next to the repository. Tolerances:
 * <ul>
 *   <li>start times exact to the second; elapsed within 1 s of the FIT session / TCX laps (we round to whole seconds),
 *       and exact for GPX spans;</li>
 *   <li>FIT distance, HR, power, NP and calories are the session's own values, so exact (distance within 0.01 m);</li>
 *   <li>values we compute: distance from positions within 0.1 % of the README's haversine, time-weighted average HR
 *       within 0.5 bpm of the README's record mean on files recorded about every second or two, average power within
 *       2 W, normalized power within 1 % of the device's;</li>
 *   <li>test.tcx is recorded irregularly, so its plain record mean of HR (156.65) is biased towards the densely
 *       sampled moments; we check the time-weighted value against the laps' time-weighted HR from the README's lap
 *       table (160.2, within 1 bpm) instead.</li>
 * </ul>
 */
class SharedActivityFilesTest {
  private static byte[] bytes(String name) throws IOException {
    return SharedActivityFiles.bytes(name);
  }

  /** Each file is parsed once per run: the parse is deterministic, and each file's region loads its time zone map. */
  private static final java.util.Map<String, ParsedFile> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  private static ParsedFile file(String name) throws Exception {
    ParsedFile known = PARSED.get(name);
    if (known == null) {
      known = ActivityFileParser.parseFile(name, new ByteArrayInputStream(bytes(name)));
      PARSED.put(name, known);
    }
    return known;
  }

  private static ParsedActivity only(String name) throws Exception {
    ParsedFile parsed = file(name);
    assertThat(parsed.activities()).hasSize(1);
    return parsed.activities().get(0);
  }

  static Stream<String> allFiles() {
    return Stream.of("2013-02-06-12-11-14.fit", "Edge810-Vector-2013-08-16-15-35-10.fit", "2020-06-01-16-52-40.fit",
        "sample_mulitple_header.fit", "2019-02-17-062644-ELEMNT-297E-195-0.fit",
        "coros-pace-2-cycling-misaligned-fields.fit", "nick.fit", "12866632127.fit.gz", "garmin-activity.gpx",
        "run_gpxtpx.gpx", "cerknicko-without-times.gpx", "test.tcx", "activity_5039744860.tcx");
  }

  @ParameterizedTest(name = "{0} imports, or is refused for its documented reason.")
  @DisplayName("Every shared file imports with sane streams, except the GPX whose times were stripped.")
  @MethodSource("allFiles")
  void everyFileParses(String name) throws Exception {
    if (name.equals("cerknicko-without-times.gpx")) {
      byte[] content = bytes(name); // outside the lambda, so a missing folder skips instead of "throwing"
      assertThatThrownBy(() -> ActivityFileParser.parseFile(name, new ByteArrayInputStream(content)))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("GPX has no timestamps");
      return;
    }
    ParsedFile parsed = file(name);
    assertThat(parsed.activities()).isNotEmpty();
    for (ParsedActivity a : parsed.activities()) {
      assertThat(a.streams().size()).isPositive();
      assertThat(a.movingTimeS()).isBetween(0, a.elapsedTimeS());
      assertThat(a.streams().timeS()).isSorted();
      assertThat(a.distanceM()).isPositive();
    }
  }

  @Test
  @DisplayName("The Forerunner 110 run matches its session: start, 2625 s, 4835.38 m, HR 147/171, no power.")
  void forerunner110() throws Exception {
    ParsedActivity a = only("2013-02-06-12-11-14.fit");

    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2013-02-06T12:11:14Z"));
    assertThat(a.elapsedTimeS()).isCloseTo(2625, within(1));
    assertThat(a.distanceM()).isCloseTo(4835.38, within(0.01));
    assertThat(a.avgHr()).isEqualTo(147.0);
    assertThat(a.maxHr()).isEqualTo(171.0);
    assertThat(a.avgPowerW()).isNull();
    assertThat(a.calories()).isEqualTo(336.0);
    assertThat(a.elevationGainM()).isEqualTo(168.0);
    assertThat(a.deviceName()).isEqualTo("Garmin Forerunner 110");
    assertThat(a.streams().size()).isEqualTo(590);
  }

  @Test
  @DisplayName("The Edge 810 ride with Vector pedals has avg 276 W and NP 301 W, and our NP from its records agrees.")
  void edge810Vector() throws Exception {
    ParsedActivity a = only("Edge810-Vector-2013-08-16-15-35-10.fit");

    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2013-08-16T18:05:10Z"));
    assertThat(a.elapsedTimeS()).isCloseTo(4700, within(1));
    assertThat(a.distanceM()).isCloseTo(41339.38, within(0.01));
    assertThat(a.avgHr()).isEqualTo(154.0);
    assertThat(a.maxHr()).isEqualTo(176.0);
    assertThat(a.avgPowerW()).isEqualTo(276.0);
    assertThat(a.normalizedPowerW()).isEqualTo(301.0);
    assertThat(a.deviceName()).isEqualTo("Garmin Edge 810");
    assertThat(a.streams().size()).isEqualTo(4700);
    assertThat(ActivityMetrics.normalizedPower(a.streams())).isCloseTo(301.0, within(3.01));
    assertThat(ActivityMetrics.averagePower(a.streams())).isCloseTo(275.49, within(0.01));
  }

  @Test
  @DisplayName("The Edge 1000 ride keeps its pause: 113 s elapsed, about 94 s moving, and starts 16:52:40 local time.")
  void edge1000WithPause() throws Exception {
    ParsedActivity a = only("2020-06-01-16-52-40.fit");

    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2020-06-01T14:52:40Z"));
    assertThat(a.startLocal()).isEqualTo(LocalDateTime.parse("2020-06-01T16:52:40"));
    assertThat(a.elapsedTimeS()).isEqualTo(113);
    assertThat(a.movingTimeS()).isCloseTo(94, within(3)); // the session's timer time is 93.7 s
    assertThat(a.distanceM()).isCloseTo(668.19, within(0.01));
    assertThat(a.avgHr()).isEqualTo(150.0);
    assertThat(a.maxHr()).isEqualTo(156.0);
    assertThat(a.avgPowerW()).isEqualTo(149.0);
    assertThat(a.normalizedPowerW()).isEqualTo(150.0);
    assertThat(a.deviceName()).isEqualTo("Garmin Edge 1000");
    assertThat(a.streams().size()).isEqualTo(96);
  }

  @Test
  @DisplayName("The four chained FIT files of the 920XT triathlon are one activity with its five legs: swim, T1, bike, T2, run.")
  void triathlon() throws Exception {
    List<ParsedActivity> activities = file("sample_mulitple_header.fit").activities();

    assertThat(activities).hasSize(1);
    ParsedActivity race = activities.get(0);
    List<fitcoach.activities.ActivityLeg> legs = race.legs();
    assertThat(race.sportType()).isEqualTo("Triathlon");
    assertThat(legs).extracting(fitcoach.activities.ActivityLeg::sportType)
        .containsExactly("Swim", "Transition", "Ride", "Transition", "Run");
    Instant start = Instant.parse("2018-05-27T07:33:01Z");
    assertThat(race.startUtc()).isEqualTo(start);
    assertThat(legs).extracting(l -> start.plusSeconds(l.startOffsetS())).containsExactly(
        start, Instant.parse("2018-05-27T08:06:08Z"),
        Instant.parse("2018-05-27T08:08:58Z"), Instant.parse("2018-05-27T09:22:40Z"),
        Instant.parse("2018-05-27T09:23:41Z"));
    assertThat(legs).extracting(fitcoach.activities.ActivityLeg::elapsedTimeS).containsExactly(1988, 170, 4422, 61, 2851);
    double[] distances = {1644.71, 141.7, 40909.42, 31.93, 9805.92};
    double[][] hr = {{165, 175}, {176, 184}, {172, 183}, {164, 169}, {176, 187}};
    for (int i = 0; i < 5; i++) {
      var leg = legs.get(i);
      assertThat(leg.distanceM()).as("distance of leg %d", i + 1).isCloseTo(distances[i], within(0.01));
      assertThat(leg.avgHr()).as("avg HR of leg %d", i + 1).isEqualTo(hr[i][0]);
      assertThat(leg.maxHr()).as("max HR of leg %d", i + 1).isEqualTo(hr[i][1]);
    }
    // 09:23:41 + 2851 s ends at 10:11:12, 9491 s after the start.
    assertThat(race.elapsedTimeS()).isEqualTo(9491);
    assertThat(race.distanceM()).isCloseTo(1644.71 + 141.7 + 40909.42 + 31.93 + 9805.92, within(0.05));
    assertThat(race.maxHr()).isEqualTo(187.0);
    assertThat(race.avgHr()).isBetween(164.0, 176.0);
    assertThat(race.deviceName()).isEqualTo("Garmin Forerunner 920XT");
    assertThat(race.streams().size()).isEqualTo(1773);
    assertThat(race.streams().timeS()[0]).isGreaterThanOrEqualTo(0);
    assertThat(race.startLocal()).isEqualTo(LocalDateTime.parse("2018-05-27T09:33:01"));
  }

  @Test
  @DisplayName("The Wahoo ELEMNT ride with long stops has 23595 s elapsed, less moving time than its timer, NP 157 W.")
  void wahooElemnt() throws Exception {
    ParsedActivity a = only("2019-02-17-062644-ELEMNT-297E-195-0.fit");

    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2019-02-17T06:26:44Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(23595);
    assertThat(a.movingTimeS()).isBetween((int) (13471 * 0.9), 13471); // timer 13471 s includes standing at lights
    assertThat(a.distanceM()).isCloseTo(78940.55, within(0.01));
    assertThat(a.avgHr()).isEqualTo(124.0);
    assertThat(a.maxHr()).isEqualTo(170.0);
    assertThat(a.avgPowerW()).isEqualTo(102.0);
    assertThat(a.normalizedPowerW()).isEqualTo(157.0);
    assertThat(a.deviceName()).isEqualTo("Wahoo ELEMNT");
    assertThat(a.streams().size()).isEqualTo(13471);
  }

  @Test
  @DisplayName("The COROS ride with misaligned fields decodes; its missing average HR comes from the records.")
  void corosMisaligned() throws Exception {
    ParsedActivity a = only("coros-pace-2-cycling-misaligned-fields.fit");

    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2020-10-25T11:10:19Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(12719);
    assertThat(a.distanceM()).isCloseTo(32145.76, within(0.01));
    assertThat(a.avgHr()).isCloseTo(131.94, within(0.5));
    assertThat(a.maxHr()).isEqualTo(168.0);
    assertThat(a.avgPowerW()).as("the session's 0 W with no power records means no power meter").isNull();
    assertThat(a.deviceName()).isEqualTo("COROS PACE 2");
    assertThat(a.streams().size()).isEqualTo(11272);
  }

  @Test
  @DisplayName("The truncated Sigma file imports its 14,391 complete records with a warning, summarised from them.")
  void truncatedSigma() throws Exception {
    ParsedFile parsed = file("nick.fit");
    ParsedActivity a = parsed.activities().get(0);

    assertThat(parsed.warnings())
        .containsExactly("The FIT file is truncated after 14,391 records: imported what was complete");
    assertThat(parsed.activities()).hasSize(1);
    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2020-09-12T12:23:38Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(16723);
    assertThat(a.distanceM()).isCloseTo(113550.87, within(0.01));
    assertThat(a.avgHr()).isCloseTo(142.70, within(0.5));
    assertThat(a.maxHr()).isEqualTo(160.0);
    assertThat(a.avgPowerW()).as("every record says 0 W").isNull();
    assertThat(a.deviceName()).isEqualTo("Sigma Sport (product 46)");
    assertThat(a.streams().size()).isEqualTo(14391);
  }

  @Test
  @DisplayName("The gzipped Strava-export FIT run is unpacked: 1428 s, 3322.95 m, no HR, moving time near Strava's 1411 s.")
  void gzippedVenuSq() throws Exception {
    ParsedActivity a = only("12866632127.fit.gz");

    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2022-05-29T15:53:35Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(1428);
    assertThat(a.movingTimeS()).isCloseTo(1411, within(28)); // within 2 % of Strava's own moving time
    assertThat(a.distanceM()).isCloseTo(3322.95, within(0.01));
    assertThat(a.avgHr()).isNull();
    assertThat(a.avgPowerW()).isNull();
    assertThat(a.avgCadence()).isEqualTo(70.0);
    assertThat(a.calories()).isEqualTo(262.0);
    assertThat(a.deviceName()).isEqualTo("Garmin Venu Sq");
    assertThat(a.streams().size()).isEqualTo(326);
  }

  @Test
  @DisplayName("The Garmin Connect GPX (ns3:hr) gives a 5498 s run of about 12,821 m at 145.5 bpm.")
  void garminConnectGpx() throws Exception {
    ParsedActivity a = only("garmin-activity.gpx");

    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2017-07-29T14:46:35Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(5498);
    assertThat(a.distanceM()).isCloseTo(12821.2, within(12.821));
    assertThat(a.avgHr()).isCloseTo(145.52, within(0.5));
    assertThat(a.maxHr()).isEqualTo(171.0);
    assertThat(a.streams().size()).isEqualTo(988);
  }

  @Test
  @DisplayName("The Strava GPX (gpxtpx:hr, no type) gives a 1256 s run of about 3568 m at 168.6 bpm.")
  void stravaGpx() throws Exception {
    ParsedActivity a = only("run_gpxtpx.gpx");

    assertThat(a.sportType()).as("guessed from 3568 m in about 1000 s of moving").isEqualTo("Run");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2015-01-19T21:24:20Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(1256);
    assertThat(a.distanceM()).isCloseTo(3568.3, within(3.568));
    assertThat(a.avgHr()).isCloseTo(168.64, within(0.5));
    assertThat(a.maxHr()).isEqualTo(187.0);
    assertThat(a.streams().size()).isEqualTo(1118);
  }

  @Test
  @DisplayName("The GPX whose times were stripped is refused because it cannot be placed in time.")
  void gpxWithoutTimes() throws IOException {
    byte[] content = bytes("cerknicko-without-times.gpx");
    assertThatThrownBy(
        () -> ActivityFileParser.parseFile("cerknicko-without-times.gpx", new ByteArrayInputStream(content)))
        .isInstanceOf(ImportException.class)
        .hasMessage("GPX has no timestamps for most of its points (5 of 296 carry a time): "
            + "cannot place this activity in time");
  }

  @Test
  @DisplayName("The Forerunner 410 TCX gives a 1992 s run of 4686.31 m, HR max 189, 379 kcal.")
  void forerunner410Tcx() throws Exception {
    ParsedActivity a = only("test.tcx");

    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2012-12-26T21:29:53Z"));
    assertThat(a.elapsedTimeS()).isCloseTo(1993, within(1)); // laps total 1992.78 s
    assertThat(a.distanceM()).isCloseTo(4686.31, within(0.01));
    double lapWeightedHr = (139 * 608.47 + 172 * 714.80 + 167 * 669.51) / 1992.78;
    assertThat(a.avgHr()).isCloseTo(lapWeightedHr, within(1.0));
    assertThat(a.maxHr()).isEqualTo(189.0);
    assertThat(a.calories()).isEqualTo(379.0);
    assertThat(a.deviceName()).isEqualTo("Forerunner 410");
    assertThat(a.streams().size()).isEqualTo(384);
  }

  @Test
  @DisplayName("The Garmin Connect TCX of the Edge 1000 ride reads ns3 watts: 126 s, 668.19 m, about 150 W.")
  void edge1000Tcx() throws Exception {
    ParsedActivity a = only("activity_5039744860.tcx");

    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(Instant.parse("2020-06-01T14:52:40Z"));
    assertThat(a.elapsedTimeS()).isEqualTo(126);
    assertThat(a.distanceM()).isCloseTo(668.19, within(0.01));
    assertThat(a.avgHr()).isCloseTo(149.98, within(0.5));
    assertThat(a.maxHr()).isEqualTo(156.0);
    // 100 smart-recorded points over 126 s: the grid interpolates the gaps, so the time-weighted average (147.75 W)
    // is below the plain record mean (150.52 W) and within 1.5 W of the device's own session average of the same ride.
    assertThat(a.avgPowerW()).isCloseTo(149.0, within(1.5));
    assertThat(a.calories()).isEqualTo(12.0);
    assertThat(a.deviceName()).isEqualTo("Garmin Edge 1000");
    assertThat(a.streams().size()).isEqualTo(100);
  }

  @Test
  @DisplayName("The FIT and TCX of the same ride agree on start, sport, distance, moving time, HR and average power.")
  void fitAndTcxOfTheSameRideAgree() throws Exception {
    ParsedActivity fit = only("2020-06-01-16-52-40.fit");
    ParsedActivity tcx = only("activity_5039744860.tcx");

    assertThat(tcx.startUtc()).isEqualTo(fit.startUtc());
    assertThat(tcx.sportType()).isEqualTo(fit.sportType());
    assertThat(tcx.deviceName()).isEqualTo(fit.deviceName());
    assertThat(tcx.distanceM()).isCloseTo(fit.distanceM(), within(0.01));
    assertThat(tcx.movingTimeS()).isCloseTo(fit.movingTimeS(), within(2));
    assertThat(tcx.maxHr()).isEqualTo(fit.maxHr());
    assertThat(tcx.avgHr()).isCloseTo(fit.avgHr(), within(1.0));
    assertThat(tcx.avgPowerW()).isCloseTo(fit.avgPowerW(), within(1.5));
    // NP differs by the 1 Hz rule: the TCX has a 32 s gap, a stop whose zeros count, while the FIT's session NP is the
    // device's own over its timer time (auto-paused).
    assertThat(tcx.normalizedPowerW()).isLessThan(fit.normalizedPowerW());
    assertThat(tcx.calories()).isEqualTo(fit.calories());
    // Elapsed differs by design: the FIT session says 113.15 s, while the export's laps and points span 126 s.
    assertThat(tcx.elapsedTimeS() - fit.elapsedTimeS()).isEqualTo(13);
  }

  @Test
  @DisplayName("test.tcx gzipped, and with ten spaces before <?xml as Strava writes it, imports the same.")
  void gzippedAndIndentedTcx() throws Exception {
    byte[] original = bytes("test.tcx");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("          ".getBytes(StandardCharsets.US_ASCII));
      out.write(original);
    }
    ParsedActivity plain = only("test.tcx");

    ParsedActivity repacked = ActivityFileParser.parse("123.tcx.gz", new ByteArrayInputStream(gz.toByteArray())).get(0);

    assertThat(repacked).usingRecursiveComparison()
        .withEqualsForType((x, y) -> Double.compare(x, y) == 0, Double.class) // NaN marks missing samples
        .isEqualTo(plain);
  }
}
