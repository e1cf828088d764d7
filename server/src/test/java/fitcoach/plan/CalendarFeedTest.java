package fitcoach.plan;

import static fitcoach.plan.PlanFixtures.DAY;
import static fitcoach.plan.PlanFixtures.intervalSteps;
import static fitcoach.plan.PlanFixtures.workout;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Writes plan feeds and reads them back with ical4j, strictly parsed and validated against RFC 5545. */
class CalendarFeedTest {
  private static final Instant STAMP = Instant.parse("2026-12-07T09:15:30.789Z");
  private static final String HOSTILE = "Line one, with commas; semicolons\\backslashes\r\nline two\nline three\r"
      + "emoji 🏃‍♀️🚴 ünïcödé € 中文 " + "long text ".repeat(60) + "\u0000end";

  @BeforeAll
  static void strictParsing() {
    // ical4j's hints are global: make sure no other test has relaxed them, so the parser judges the feed strictly.
    for (String hint : List.of(CompatibilityHints.KEY_RELAXED_PARSING, CompatibilityHints.KEY_RELAXED_UNFOLDING,
        CompatibilityHints.KEY_RELAXED_VALIDATION, CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY,
        CompatibilityHints.KEY_NOTES_COMPATIBILITY)) {
      CompatibilityHints.setHintEnabled(hint, false);
    }
  }

  private static Calendar parseAndValidate(String feed) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
    ValidationResult result = calendar.validate();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return calendar;
  }

  private static List<VEvent> events(Calendar calendar) {
    return calendar.getComponents(Component.VEVENT);
  }

  private static String value(net.fortuna.ical4j.model.PropertyListAccessor component, String property) {
    return component.getProperty(property).map(Property::getValue).orElse(null);
  }

  private static LocalDate date(VEvent event, String property) {
    DateProperty<?> p = event.<DateProperty<?>>getProperty(property).orElseThrow();
    assertThat(p.getParameter(Parameter.VALUE).map(Parameter::getValue)).contains("DATE");
    return (LocalDate) p.getDate();
  }

  @Test
  @DisplayName("A workout and a race come back from a strict parser with every field as written.")
  void roundTrip() throws Exception {
    PlannedWorkout intervals = PlanFixtures.withLoad(
        PlanFixtures.withDescription(workout("Ride", "Intervals", 3900, null, intervalSteps()), "Keep it smooth."),
        85.4, false);
    PlannedEvent race = new PlannedEvent(UUID.randomUUID(), LocalDate.of(2027, 4, 25), "Vienna City Marathon",
        "Run", 42195.0, "A");

    Calendar calendar = parseAndValidate(CalendarFeed.write(List.of(intervals), List.of(race), STAMP));

    assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
    assertThat(value(calendar, Property.PRODID)).isEqualTo(CalendarFeed.PRODID);
    assertThat(value(calendar, Property.CALSCALE)).isEqualTo("GREGORIAN");
    assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("FitCoach plan");
    List<VEvent> events = events(calendar);
    assertThat(events).hasSize(2);

    VEvent w = events.get(0);
    assertThat(value(w, Property.UID)).isEqualTo(intervals.id() + "@fitcoach");
    assertThat(value(w, Property.DTSTAMP)).isEqualTo("20261207T091530Z");
    assertThat(date(w, Property.DTSTART)).isEqualTo(DAY);
    assertThat(date(w, Property.DTEND)).isEqualTo(DAY.plusDays(1));
    assertThat(value(w, Property.SUMMARY)).isEqualTo("Intervals · 1:05 · load 85");
    assertThat(value(w, Property.DESCRIPTION)).isEqualTo("Keep it smooth.\n\n"
        + "Warm-up 15:00 in HR zone 2\n"
        + "5 × (4:00 at 105–110 % FTP, 3:00 at 50–60 % FTP)\n"
        + "10:00 at 90–100 % LTHR\n"
        + "Cool-down 2 km at 5:00–5:30 /km\n\n"
        + "Planned: 1:05 · load 85 · RPE 6");
    assertThat(value(w, Property.CATEGORIES)).isEqualTo("Ride");
    assertThat(value(w, Property.TRANSP)).isEqualTo("TRANSPARENT");

    VEvent r = events.get(1);
    assertThat(value(r, Property.UID)).isEqualTo(race.id() + "@fitcoach");
    assertThat(date(r, Property.DTSTART)).isEqualTo(LocalDate.of(2027, 4, 25));
    assertThat(date(r, Property.DTEND)).isEqualTo(LocalDate.of(2027, 4, 26));
    assertThat(value(r, Property.SUMMARY)).isEqualTo("🏁 A race: Vienna City Marathon · 42.2 km");
    assertThat(value(r, Property.DESCRIPTION)).isEqualTo("Run · 42.2 km · priority A (the season's goal)");
    assertThat(value(r, Property.CATEGORIES)).isEqualTo("Run");
  }

  @Test
  @DisplayName("Commas, semicolons, backslashes, every kind of line break, emoji and long text survive the round trip.")
  void hostileText() throws Exception {
    PlannedWorkout w = PlanFixtures.withDescription(workout("Run", "Hills, repeats; \\fast\\ 🏔️", 3600, null, List.of()),
        HOSTILE);
    PlannedEvent e = new PlannedEvent(UUID.randomUUID(), DAY, "Race, with; \\odd\\ name\nand a break", "Run", null, "B");

    List<VEvent> events = events(parseAndValidate(CalendarFeed.write(List.of(w), List.of(e), STAMP)));

    assertThat(value(events.get(0), Property.SUMMARY)).isEqualTo("Hills, repeats; \\fast\\ 🏔️ · 1:00");
    String expected = HOSTILE.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
    assertThat(value(events.get(0), Property.DESCRIPTION)).isEqualTo(expected + "\n\nPlanned: 1:00 · RPE 6");
    assertThat(value(events.get(1), Property.SUMMARY)).isEqualTo("🏁 B race: Race, with; \\odd\\ name and a break");
  }

  @Test
  @DisplayName("Every line ends in CRLF and is at most 75 octets, and no fold splits a UTF-8 character.")
  void folding() throws Exception {
    PlannedWorkout w = PlanFixtures.withDescription(workout("Run", "€".repeat(80) + "🏃".repeat(40), 3600, null, List.of()),
        HOSTILE + "é".repeat(100) + "中".repeat(100) + "😀".repeat(100));
    String feed = CalendarFeed.write(List.of(w), List.of(), STAMP);

    assertThat(feed).endsWith("\r\n");
    assertThat(feed.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
    int folded = 0;
    int start = 0;
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        assertThat(i - start).as("octets in the line at byte %d", start).isLessThanOrEqualTo(75);
        strictUtf8(bytes, start, i - start);
        if (bytes[start] == ' ') {
          folded++;
        }
        start = i + 2;
      }
    }
    assertThat(folded).as("the long text was folded").isGreaterThan(20);
    assertThat(value(events(parseAndValidate(feed)).get(0), Property.SUMMARY))
        .isEqualTo("€".repeat(80) + "🏃".repeat(40) + " · 1:00");
  }

  private static void strictUtf8(byte[] bytes, int offset, int length) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
    } catch (CharacterCodingException e) {
      throw new AssertionError("a line at byte " + offset + " splits a UTF-8 character", e);
    }
  }

  @Test
  @DisplayName("A line of exactly 75 octets stays whole; one octet more folds with a leading space.")
  void foldBoundary() {
    StringBuilder exact = new StringBuilder();
    CalendarFeed.line(exact, "X".repeat(75));
    assertThat(exact.toString()).isEqualTo("X".repeat(75) + "\r\n");

    StringBuilder over = new StringBuilder();
    CalendarFeed.line(over, "X".repeat(76));
    assertThat(over.toString()).isEqualTo("X".repeat(75) + "\r\n X\r\n");

    // 74 ASCII octets and a 4-octet emoji: the emoji moves to the next line whole.
    StringBuilder emoji = new StringBuilder();
    CalendarFeed.line(emoji, "X".repeat(74) + "😀");
    assertThat(emoji.toString()).isEqualTo("X".repeat(74) + "\r\n 😀\r\n");
  }

  @Test
  @DisplayName("TEXT escaping doubles backslashes, escapes ; and , and writes line breaks as \\n.")
  void textEscaping() {
    assertThat(CalendarFeed.text("a\\b;c,d\r\ne\rf\ng")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    assertThat(CalendarFeed.text("nul\u0000 and bell\u0007 gone")).isEqualTo("nul and bell gone");
  }

  @Test
  @DisplayName("An empty plan is still a valid calendar (one unused UTC time zone as its component) with no events.")
  void emptyCalendar() throws Exception {
    String feed = CalendarFeed.write(List.of(), List.of(), STAMP);
    Calendar calendar = parseAndValidate(feed);
    assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("FitCoach plan");
    assertThat(events(calendar)).isEmpty();
    assertThat(calendar.getComponents()).hasSize(1);
    assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
  }

  @Test
  @DisplayName("A thousand workouts make a valid feed of a thousand events with distinct UIDs on their own days.")
  void thousandWorkouts() throws Exception {
    List<PlannedWorkout> workouts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      workouts.add(PlanFixtures.onDate(workout("Ride", "Session " + i, 3600 + i, null, intervalSteps()), DAY.plusDays(i)));
    }
    List<VEvent> events = events(parseAndValidate(CalendarFeed.write(workouts, List.of(), STAMP)));

    assertThat(events).hasSize(1000);
    assertThat(new HashSet<>(events.stream().map(e -> value(e, Property.UID)).toList())).hasSize(1000);
    assertThat(date(events.get(999), Property.DTSTART)).isEqualTo(DAY.plusDays(999));
    assertThat(value(events.get(999), Property.SUMMARY)).isEqualTo("Session 999 · 1:17");
  }

  @Test
  @DisplayName("The same plan written twice gives the same feed, so subscribers see updates, not duplicates.")
  void stable() {
    PlannedWorkout w = workout("Run", "Easy", 2700, null, List.of());
    assertThat(CalendarFeed.write(List.of(w), List.of(), STAMP)).isEqualTo(CalendarFeed.write(List.of(w), List.of(), STAMP));
  }

  @Test
  @DisplayName("An estimated load is marked as such in the summary and the description.")
  void estimatedLoad() throws Exception {
    PlannedWorkout w = PlanFixtures.withLoad(workout("Run", "Long run", 5400, 18000.0, List.of()), 92.6, true);
    VEvent e = events(parseAndValidate(CalendarFeed.write(List.of(w), List.of(), STAMP))).get(0);
    assertThat(value(e, Property.SUMMARY)).isEqualTo("Long run · 1:30 · 18 km · load ~93");
    assertThat(value(e, Property.DESCRIPTION)).isEqualTo("Planned: 1:30 · 18 km · load 93 (estimated) · RPE 6");
  }

  @Test
  @DisplayName("A day whose year cannot be written in four digits is left out instead of breaking the feed.")
  void unwritableYear() throws Exception {
    PlannedWorkout far = PlanFixtures.onDate(workout("Run", "Far", 1800, null, List.of()), LocalDate.of(12026, 1, 1));
    PlannedWorkout near = workout("Run", "Near", 1800, null, List.of());
    List<VEvent> events = events(parseAndValidate(CalendarFeed.write(List.of(far, near), List.of(), STAMP)));
    assertThat(events).hasSize(1);
    assertThat(value(events.get(0), Property.UID)).isEqualTo(near.id() + "@fitcoach");

    Calendar onlyFar = parseAndValidate(CalendarFeed.write(List.of(far), List.of(), STAMP));
    assertThat(events(onlyFar)).isEmpty();
  }
}
