package fitcoach.imports;

/**
 * Samples of one activity as recorded (1 Hz or smart recording), aligned by index with {@code timeS}, the seconds
 * since the activity's start. An array is null when the file has no such channel; NaN marks a sample without it.
 */
public record Streams(
    int[] timeS,
    double[] lat,
    double[] lon,
    double[] altitudeM,
    double[] heartRate,
    double[] powerW,
    double[] speedMps,
    double[] cadence,
    double[] distanceM) {

  public int size() {
    return timeS.length;
  }
}
