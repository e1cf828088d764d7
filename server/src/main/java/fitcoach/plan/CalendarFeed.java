package fitcoach.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The plan as an RFC 5545 iCalendar feed a phone calendar subscribes to: one all-day event per planned workout and
 * per race or goal day, with a stable UID so a refresh updates events instead of duplicating them. Text is escaped
 * as TEXT values, lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
 */
public final class CalendarFeed {
  public static final String NAME = "FitCoach plan";
  static final String PRODID = "-//FitCoach//Plan ahead//EN";
  private static final int FOLD_OCTETS = 75;
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CalendarFeed() {
  }

  /** The feed; {@code stamp} is every event's DTSTAMP (when the feed was made), written in UTC. */
  public static String write(List<PlannedWorkout> workouts, List<PlannedEvent> events, Instant stamp) {
    Objects.requireNonNull(stamp, "stamp");
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + PRODID);
    line(out, "CALSCALE:GREGORIAN");
    // No METHOD: a feed is not an iTIP message, and METHOD:PUBLISH would oblige every event to have an ORGANIZER.
    line(out, "X-WR-CALNAME:" + text(NAME));
    // Subscribing clients that honour it refresh hourly rather than on their own (often daily) schedule.
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line(out, "X-PUBLISHED-TTL:PT1H");
    String dtstamp = STAMP.format(stamp.truncatedTo(ChronoUnit.SECONDS));
    int written = 0;
    for (PlannedWorkout workout : workouts == null ? List.<PlannedWorkout>of() : workouts) {
      written += event(out, workout.id() + "@fitcoach", workout.date(), dtstamp, PlanText.summary(workout),
          PlanText.description(workout), workout.sport());
    }
    for (PlannedEvent event : events == null ? List.<PlannedEvent>of() : events) {
      written += event(out, event.id() + "@fitcoach", event.date(), dtstamp, PlanText.summary(event),
          PlanText.description(event), event.sport());
    }
    if (written == 0) {
      emptyPlaceholder(out);
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** Writes one all-day VEVENT; returns how many were written (0 or 1). */
  private static int event(StringBuilder out, String uid, LocalDate date, String dtstamp, String summary,
                           String description, String sport) {
    Objects.requireNonNull(date, "date");
    if (date.getYear() < 1 || date.getYear() > 9998) {
      return 0; // DATE has four digits of year: such a day cannot be written, and must not break the rest of the feed
    }
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + text(uid));
    line(out, "DTSTAMP:" + dtstamp);
    line(out, "DTSTART;VALUE=DATE:" + DATE.format(date));
    line(out, "DTEND;VALUE=DATE:" + DATE.format(date.plusDays(1)));
    line(out, "SUMMARY:" + text(summary));
    if (!description.isEmpty()) {
      line(out, "DESCRIPTION:" + text(description));
    }
    String category = ExportText.oneLine(sport);
    if (!category.isEmpty()) {
      line(out, "CATEGORIES:" + text(category));
    }
    // A plan is a reminder, not an appointment: it must not mark the day as busy.
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
    return 1;
  }

  /**
   * RFC 5545 wants at least one component in a calendar, so a plan with nothing in it carries an unused UTC time
   * zone: valid, and invisible in calendar apps, where an empty VCALENDAR is rejected by strict parsers.
   */
  private static void emptyPlaceholder(StringBuilder out) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:Etc/UTC");
    line(out, "BEGIN:STANDARD");
    line(out, "DTSTART:19700101T000000");
    line(out, "TZOFFSETFROM:+0000");
    line(out, "TZOFFSETTO:+0000");
    line(out, "TZNAME:UTC");
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
  }

  /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, any line break as {@code \n}. */
  static String text(String value) {
    String clean = ExportText.clean(value).replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '\\': out.append("\\\\"); break;
        case ';': out.append("\\;"); break;
        case ',': out.append("\\,"); break;
        case '\n': out.append("\\n"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }

  /** Appends a content line folded at 75 octets (3.1): continuation lines start with a space, which counts. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4; // its UTF-8 octets
      if (octets + size > FOLD_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
