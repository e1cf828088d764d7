package fitcoach.wellness;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a wellness CSV: a header row with a date column and any of the columns {@link CsvColumns} knows, then one row
 * per day. Pure text to values (no I/O), so the caller runs it off the event loop. A bad row is left out with its line
 * number and reason and the others still count; an empty cell means "not in this file", so it never clears a stored
 * value. Rows for the same date merge in file order. The text is split by {@link CsvReader}; a decimal comma is read
 * where the separator is not a comma.
 */
public final class WellnessCsv {
  static final int MAX_ROWS = 5000;
  static final int MAX_COLUMNS = 100;
  static final int MAX_ERRORS = 100;
  private static final int MAX_HEADER_SHOWN = 60;
  private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ].*)?");
  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

  /** A row left out: its line in the file (the header is line 1), the column at fault if one, and why. */
  public record RowError(int line, String column, String message) {
  }

  /** A recognised column that was not used, and why. */
  public record IgnoredColumn(String column, String reason) {
  }

  /** What the file holds: the merged change per day, and the report. */
  record Parsed(Map<LocalDate, WellnessChange> days, int rows, int skipped, Map<String, String> columns,
                List<String> unknownColumns, List<IgnoredColumn> ignoredColumns, List<RowError> errors, int errorCount) {
  }

  private WellnessCsv() {
  }

  static Parsed parse(String text) {
    List<CsvReader.Record> records = CsvReader.read(text.startsWith("\uFEFF") ? text.substring(1) : text, MAX_ROWS + 1);
    if (records.isEmpty()) {
      throw ApiException.invalid("date", "no_header", "The CSV is empty: send a header row (date plus any wellness columns) and one row per day");
    }
    CsvReader.Record header = records.get(0);
    if (header.broken() != null) {
      throw ApiException.invalid("date", "bad_header", "The header row cannot be read: " + header.broken());
    }
    if (header.cells().size() > MAX_COLUMNS) {
      throw ApiException.invalid("date", "too_many_columns", "The CSV has " + header.cells().size() + " columns; at most "
          + MAX_COLUMNS + " are read");
    }
    int dateIndex = -1;
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    List<IgnoredColumn> ignored = new ArrayList<>();
    CsvColumns.Column[] used = new CsvColumns.Column[header.cells().size()];
    Map<WellnessField, Integer> chosen = new EnumMap<>(WellnessField.class);
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cells().get(i).strip();
      if (CsvColumns.isDate(name)) {
        if (dateIndex < 0) {
          dateIndex = i;
          columns.put(shown(name), CsvColumns.DATE);
        } else {
          ignored.add(new IgnoredColumn(shown(name), "the first date column is used"));
        }
        continue;
      }
      CsvColumns.Column c = CsvColumns.column(name);
      if (c == null) {
        if (!name.isEmpty()) {
          unknown.add(shown(name));
        }
        continue;
      }
      Integer other = chosen.get(c.field());
      if (other == null || used[other].rank() > c.rank()) {
        if (other != null) {
          ignored.add(new IgnoredColumn(shown(header.cells().get(other).strip()), "'" + shown(name) + "' gives "
              + c.field().json() + " too and is preferred"));
          columns.remove(shown(header.cells().get(other).strip()));
          used[other] = null;
        }
        chosen.put(c.field(), i);
        used[i] = c;
        columns.put(shown(name), c.field().json());
      } else {
        ignored.add(new IgnoredColumn(shown(name), "'" + shown(header.cells().get(other).strip()) + "' gives "
            + c.field().json() + " and is preferred"));
      }
    }
    if (dateIndex < 0) {
      throw ApiException.invalid("date", "no_date_column", "The CSV needs a 'date' column (YYYY-MM-DD); its header has "
          + header.cells().size() + " column(s) and none is named date");
    }
    if (records.size() - 1 > MAX_ROWS) {
      throw new ApiException(413, "too_many_rows", "The CSV has more than " + MAX_ROWS
          + " rows (about 13 years of days); split it and import the parts one after the other", null, null);
    }
    char decimal = header.separator() == ',' ? '.' : ',';
    Map<LocalDate, EnumMap<WellnessField, Object>> days = new TreeMap<>();
    List<RowError> errors = new ArrayList<>();
    int errorCount = 0;
    int rows = 0;
    int skipped = 0;
    for (int r = 1; r < records.size(); r++) {
      CsvReader.Record record = records.get(r);
      rows++;
      try {
        if (record.broken() != null) {
          throw new RowProblem(null, record.broken());
        }
        if (record.cells().size() > header.cells().size()) {
          throw new RowProblem(null, "it has " + record.cells().size() + " cells; the header has " + header.cells().size());
        }
        LocalDate date = date(cell(record, dateIndex));
        EnumMap<WellnessField, Object> values = new EnumMap<>(WellnessField.class);
        for (int i = 0; i < used.length; i++) {
          if (used[i] == null) {
            continue;
          }
          String cellText = cell(record, i).strip();
          if (cellText.isEmpty()) {
            continue;
          }
          try {
            values.put(used[i].field(), value(used[i], cellText, decimal));
          } catch (IllegalArgumentException e) {
            throw new RowProblem(shown(header.cells().get(i).strip()), e.getMessage());
          }
        }
        if (values.isEmpty()) {
          skipped++;
          continue;
        }
        days.computeIfAbsent(date, d -> new EnumMap<>(WellnessField.class)).putAll(values);
      } catch (RowProblem e) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
          errors.add(new RowError(record.line(), e.column, e.getMessage()));
        }
      }
    }
    Map<LocalDate, WellnessChange> changes = new TreeMap<>();
    days.forEach((d, v) -> changes.put(d, new WellnessChange(v)));
    return new Parsed(changes, rows, skipped, columns, unknown, ignored, errors, errorCount);
  }

  private static String cell(CsvReader.Record record, int index) {
    return index < record.cells().size() ? record.cells().get(index) : "";
  }

  private static LocalDate date(String text) {
    String t = text.strip();
    Matcher m = DATE.matcher(t);
    if (t.isEmpty()) {
      throw new RowProblem("date", "it has no date");
    }
    if (!m.matches()) {
      throw new RowProblem("date", "'" + shown(t) + "' is not a date as YYYY-MM-DD");
    }
    LocalDate date;
    try {
      date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw new RowProblem("date", "'" + shown(t) + "' is not a calendar date");
    }
    if (!DateWindow.contains(date)) {
      throw new RowProblem("date", date + " is outside " + DateWindow.describe());
    }
    return date;
  }

  /** The stored value of one non-empty cell, or an IllegalArgumentException saying what is wrong with it. */
  static Object value(CsvColumns.Column column, String text, char decimal) {
    WellnessField f = column.field();
    switch (f.kind()) {
      case FLAG:
        return flag(text);
      case TEXT:
        if (text.indexOf('\0') >= 0) {
          throw new IllegalArgumentException("the note holds a NUL character");
        }
        if (text.length() > WellnessField.MAX_NOTE) {
          throw new IllegalArgumentException("the note is longer than " + WellnessField.MAX_NOTE + " characters");
        }
        return text;
      case SCALE: {
        BigDecimal n = number(text, decimal);
        if (n.stripTrailingZeros().scale() > 0 || !f.accepts(n.doubleValue())) {
          throw new IllegalArgumentException("'" + shown(text) + "' is not " + f.range() + " (" + f.json() + ")");
        }
        return n.intValue();
      }
      default: {
        double v;
        Matcher clock = CLOCK.matcher(text);
        if (f == WellnessField.SLEEP_HOURS && column.unit() == CsvColumns.Unit.AS_IS && clock.matches()) {
          // 7:30 or 7:30:00 as hours and minutes.
          int minutes = Integer.parseInt(clock.group(2));
          int seconds = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
          if (minutes > 59 || seconds > 59) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a duration as h:mm");
          }
          v = Integer.parseInt(clock.group(1)) + minutes / 60.0 + seconds / 3600.0;
        } else {
          v = number(text, decimal).doubleValue() * column.unit().factor;
        }
        if (!f.accepts(v)) {
          throw new IllegalArgumentException("'" + shown(text) + "' is not " + f.range() + " (" + f.json()
              + (column.unit() == CsvColumns.Unit.AS_IS ? "" : ", read as " + unitName(column.unit())) + ")");
        }
        return v;
      }
    }
  }

  private static String unitName(CsvColumns.Unit unit) {
    return switch (unit) {
      case MINUTES_TO_HOURS -> "minutes";
      case SECONDS_TO_HOURS -> "seconds";
      case POUNDS_TO_KG -> "pounds";
      default -> "given";
    };
  }

  private static BigDecimal number(String text, char decimal) {
    String t = decimal == ',' ? text.replace(',', '.') : text;
    if (t.length() > 30 || !t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      throw new IllegalArgumentException("'" + shown(text) + "' is not a number");
    }
    return new BigDecimal(t);
  }

  private static boolean flag(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException("'" + shown(text) + "' is not yes/no, true/false or 1/0");
    };
  }

  /** Text from the file as it may appear in a report: no control characters, at most 60 characters. */
  static String shown(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().limit(MAX_HEADER_SHOWN).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.codePointCount(0, text.length()) > MAX_HEADER_SHOWN ? sb + "…" : sb.toString();
  }

  private static final class RowProblem extends RuntimeException {
    final String column;

    RowProblem(String column, String message) {
      super(message, null, false, false);
      this.column = column;
    }
  }
}
