package fitcoach.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One backup in the folder, as its name says: {@code fitcoach-2026-12-07T0330.zip}, stamped in server-local time; with
 * more than one account each file also carries the first eight hex digits of its account id
 * ({@code fitcoach-2026-12-07T0330-1a2b3c4d.zip}). Nothing else in the folder is ever listed or deleted.
 */
public record BackupFile(String name, LocalDateTime local, String account, long bytes) {
  private static final Pattern NAME = Pattern.compile("fitcoach-(\\d{4}-\\d{2}-\\d{2}T\\d{4})(?:-([0-9a-f]{8}))?\\.zip");
  /** Written under this name, renamed to the final one only once complete and synced. */
  private static final Pattern PART = Pattern.compile("\\.fitcoach-\\d{4}-\\d{2}-\\d{2}T\\d{4}(?:-[0-9a-f]{8})?\\.zip\\.part");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm");
  /** Newest first; two of the same minute (several accounts) in name order. */
  public static final java.util.Comparator<BackupFile> NEWEST_FIRST = java.util.Comparator.comparing(BackupFile::local)
      .thenComparing(BackupFile::name).reversed();

  /** The backup named {@code name} of {@code bytes}, or empty for any other file name. */
  public static Optional<BackupFile> parse(String name, long bytes) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BackupFile(name, LocalDateTime.parse(m.group(1), STAMP), m.group(2) == null ? "" : m.group(2),
          bytes));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The final name for a backup taken at {@code local} (to the minute); {@code account} is "" or eight hex digits. */
  public static String nameFor(LocalDateTime local, String account) {
    return "fitcoach-" + local.format(STAMP) + (account.isEmpty() ? "" : "-" + account) + ".zip";
  }

  /** The temporary name a backup is written under: hidden, and never matched as a backup. */
  public static String partName(String finalName) {
    return "." + finalName + ".part";
  }

  public static boolean isPart(String name) {
    return PART.matcher(name).matches();
  }

  /** When it was taken, reading its local stamp in {@code zone} (the earlier instant when clocks fall back). */
  public Instant createdAt(ZoneId zone) {
    return local.atZone(zone).toInstant();
  }

  public BackupFile withBytes(long size) {
    return new BackupFile(name, local, account, size);
  }

  public Path in(Path folder) {
    return folder.resolve(name);
  }
}
