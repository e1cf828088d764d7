package fitcoach.metrics;

import java.util.Arrays;
import java.util.List;

/** A Prometheus text exposition, read the way a test needs: the value of the series with given labels. */
record Scrape(String text) {

  /**
   * The sum of every sample named {@code name} whose labels include each of {@code labels} ({@code key="value"} as
   * Prometheus writes them); null when there is none.
   */
  Double value(String name, String... labels) {
    List<String> matches = text.lines().filter(line -> !line.startsWith("#"))
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains)).toList();
    if (matches.isEmpty()) {
      return null;
    }
    return matches.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  boolean has(String name) {
    return value(name) != null;
  }
}
