package fitcoach.wellness;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records: comma, semicolon or tab separated (whichever the header uses most), quotes as in
 * RFC 4180 (separators, doubled quotes and line breaks inside a quoted cell), CRLF, LF or CR line ends. Each record
 * knows the line it starts on, for error messages, and why it cannot be read (a quote not closed, text after one).
 */
final class CsvReader {
  /** One record: its cells, the line it starts on, the file's separator, and why it cannot be read (or null). */
  record Record(List<String> cells, int line, char separator, String broken) {
  }

  private final String text;
  private final char separator;

  private CsvReader(String text) {
    this.text = text;
    this.separator = separator(text);
  }

  /** The records of {@code text}, blank lines left out; at most {@code max} (the caller refuses a file that has more). */
  static List<Record> read(String text, int max) {
    return new CsvReader(text).records(max);
  }

  /** The separator the header uses most, outside quotes: comma, semicolon or tab. */
  private static char separator(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
  }

  private List<Record> records(int max) {
    List<Record> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n && out.size() <= max) {
      int start = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      String broken = null;
      boolean end = false;
      while (i < n && !end) {
        char c = text.charAt(i++);
        if (quoted) {
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
              line++;
            }
            cell.append(c);
          }
        } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == separator) {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i < n && text.charAt(i) == '\n') {
            i++;
          }
          line++;
          end = true;
        } else {
          if (wasQuoted && broken == null && !Character.isWhitespace(c)) {
            broken = "text follows a closing quote";
          }
          cell.append(c);
        }
      }
      if (quoted) {
        broken = "a quoted cell is not closed";
      }
      cells.add(cell.toString());
      boolean blank = cells.size() == 1 && cells.get(0).isBlank() && !wasQuoted;
      if (!blank) {
        out.add(new Record(cells, start, separator, broken));
      }
    }
    return out;
  }
}
