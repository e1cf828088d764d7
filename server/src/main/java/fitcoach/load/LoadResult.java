package fitcoach.load;

/** One activity's load on the TSS scale, the method that produced it, and whether a threshold behind it was estimated. */
public record LoadResult(double load, LoadMethod method, boolean usesEstimatedThreshold) {}
