package fitcoach.activities;

import java.time.LocalDateTime;
import java.util.UUID;

/** GET /api/activities/rpe-prompt: the activity the dashboard asks "how hard did it feel?" about. */
public record RpePrompt(UUID id, String name, String sportType, LocalDateTime startDateLocal, Integer movingTimeS) {
}
