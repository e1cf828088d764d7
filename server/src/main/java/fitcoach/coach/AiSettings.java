package fitcoach.coach;

import java.time.Instant;

/** The athlete's choice of provider and models; null models mean "the default for that provider". */
public record AiSettings(String provider, String model, String fastModel, Instant updatedAt) {}
