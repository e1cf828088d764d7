package fitcoach.backup;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups to delete: per account, keep the newest backup of each of the newest {@code keepDaily} days that have
 * one, and of each of the newest {@code keepWeekly} ISO weeks that have one; the newest backup is always kept. Days
 * and weeks without a backup do not count, so a machine that was off for a month still keeps its last backups.
 */
public final class Retention {
  private Retention() {
  }

  public static List<BackupFile> toDelete(List<BackupFile> backups, int keepDaily, int keepWeekly) {
    Map<String, List<BackupFile>> byAccount = new LinkedHashMap<>();
    for (BackupFile b : backups) {
      byAccount.computeIfAbsent(b.account(), a -> new ArrayList<>()).add(b);
    }
    List<BackupFile> delete = new ArrayList<>();
    for (List<BackupFile> own : byAccount.values()) {
      own.sort(BackupFile.NEWEST_FIRST);
      Set<LocalDate> days = new HashSet<>();
      Set<Long> weeks = new HashSet<>();
      for (int i = 0; i < own.size(); i++) {
        BackupFile b = own.get(i);
        LocalDate day = b.local().toLocalDate();
        long week = day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        // Newest first, so the first backup seen of a day (or week) is that day's newest.
        boolean newestOfDay = days.add(day);
        boolean newestOfWeek = weeks.add(week);
        boolean keep = i == 0 || (newestOfDay && days.size() <= keepDaily) || (newestOfWeek && weeks.size() <= keepWeekly);
        if (!keep) {
          delete.add(b);
        }
      }
    }
    return delete;
  }
}
