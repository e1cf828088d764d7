package fitcoach.load;

/** A past activity's load, as input to the per-sport history rate. */
public record HistorySample(String sportFamily, double load, int movingTimeS, LoadMethod method) {}
