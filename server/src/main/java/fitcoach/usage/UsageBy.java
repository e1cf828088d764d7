package fitcoach.usage;

import java.util.Locale;

/** How {@code GET /api/ai/usage} groups a month's calls. */
public enum UsageBy {
  FEATURE, MODEL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
