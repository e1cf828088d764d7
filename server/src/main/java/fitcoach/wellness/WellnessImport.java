package fitcoach.wellness;

import java.util.List;
import java.util.Map;

/**
 * What a CSV import did: data rows read, days stored (rows for one date count once), rows with no value (skipped),
 * how each column was read ({@code columns}: header → field), the columns not recognised or not used, and the rows
 * left out with their line and reason ({@code errors}, the first {@value WellnessCsv#MAX_ERRORS}; {@code errorCount}
 * counts them all).
 */
public record WellnessImport(int rows, int days, int skipped, Map<String, String> columns, List<String> unknownColumns,
                             List<WellnessCsv.IgnoredColumn> ignoredColumns, List<WellnessCsv.RowError> errors,
                             int errorCount) {
}
