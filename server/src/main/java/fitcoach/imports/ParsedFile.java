package fitcoach.imports;

import java.util.List;

/**
 * Everything read from one uploaded file: its activities and the problems worth telling the athlete about even
 * though the import went ahead (e.g. a truncated FIT file whose complete records were kept).
 */
public record ParsedFile(String format, List<ParsedActivity> activities, List<String> warnings) {

  public ParsedFile {
    activities = List.copyOf(activities);
    warnings = List.copyOf(warnings);
  }
}
