package fitcoach.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads a {@code .env} file (KEY=VALUE lines, optional quotes and {@code export}); the real environment wins. */
public final class DotEnv {
  private DotEnv() {
  }

  public static Map<String, String> merge(Path file, Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>();
    if (Files.isRegularFile(file)) {
      try {
        merged.putAll(parse(Files.readString(file)));
      } catch (IOException e) {
        throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
      }
    }
    merged.putAll(environment);
    return merged;
  }

  static Map<String, String> parse(String text) {
    Map<String, String> values = new HashMap<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      } else {
        int hash = value.indexOf(" #");
        if (hash >= 0) {
          value = value.substring(0, hash).strip();
        }
      }
      values.put(key, value);
    }
    return values;
  }
}
