package fitcoach.load;

/** 1 Hz stream handling shared by the HR and power formulas: NaN marks a second with no sample. */
final class SampleStream {

  private SampleStream() {}

  /** Number of non-NaN samples, i.e. the seconds the stream covers. */
  static int count(double[] stream) {
    int n = 0;
    for (double v : stream) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }
}
