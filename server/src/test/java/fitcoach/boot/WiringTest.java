package fitcoach.boot;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.app.Feature;
import fitcoach.testing.ApiTest;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shape of the composition root: {@code boot} wires every feature and nothing depends on it; {@code app} is shared
 * infrastructure that knows no feature. Read from the compiled classes, whose constant pools name every class a class
 * uses (comments and Javadoc do not count).
 */
class WiringTest extends ApiTest {
  private static final Pattern REFERENCE = Pattern.compile("fitcoach/([a-z]+)/[A-Za-z0-9_$]+");
  private static final List<String> FEATURES = List.of("activities", "analytics", "auth", "coach", "demo", "export",
      "health", "imports", "llm", "load", "mcp", "settings", "strava", "tokens");

  @Test
  @DisplayName("Every feature module in the code is in the running app, once, with health first and the coach last")
  void everyModuleIsWired() throws Exception {
    TreeSet<String> implemented = new TreeSet<>();
    for (String name : classNames()) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (Feature.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
        implemented.add(type.getName());
      }
    }
    List<String> wired = app.features().stream().map(f -> f.getClass().getName()).toList();

    assertThat(wired).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(wired)).isEqualTo(implemented);
    assertThat(wired.get(0)).isEqualTo("fitcoach.health.HealthModule");
    assertThat(wired.get(wired.size() - 1)).isEqualTo("fitcoach.coach.CoachModule");
  }

  @Test
  @DisplayName("No class outside fitcoach.boot uses one of boot's classes")
  void nothingImportsBoot() throws Exception {
    Map<String, TreeSet<String>> uses = references();
    // The reader sees what a class uses: the wiring uses every feature.
    assertThat(uses.get("fitcoach.boot.Wiring")).contains("auth", "coach", "strava", "imports", "app");
    uses.keySet().removeIf(name -> name.startsWith("fitcoach.boot."));

    assertThat(uses).allSatisfy((name, packages) -> assertThat(packages).as(name).doesNotContain("boot"));
  }

  @Test
  @DisplayName("The shared infrastructure in fitcoach.app uses no feature package (Json's warm-up of auth's UserView aside)")
  void appKnowsNoFeature() throws Exception {
    Map<String, TreeSet<String>> uses = references();
    uses.keySet().removeIf(name -> !name.startsWith("fitcoach.app."));
    // Known, and to go: Json.warmUp builds auth's UserView serialiser (the house style's last arrow from app to auth).
    uses.computeIfPresent("fitcoach.app.Json", (name, packages) -> {
      packages.remove("auth");
      return packages;
    });

    assertThat(uses).isNotEmpty();
    assertThat(uses).allSatisfy((name, packages) -> assertThat(packages).as(name).doesNotContainAnyElementsOf(FEATURES)
        .doesNotContain("boot"));
  }

  @Test
  @DisplayName("The readiness rules are pure like the load engine: they use fitcoach.load and nothing else of the app, and no Vert.x")
  void readinessIsPure() throws Exception {
    Map<String, TreeSet<String>> uses = references();
    uses.keySet().removeIf(name -> !name.startsWith("fitcoach.readiness."));
    assertThat(uses).isNotEmpty();
    assertThat(uses).allSatisfy((name, packages) -> assertThat(packages).as(name).isSubsetOf("load"));
    Path root = classesRoot().resolve("fitcoach/readiness");
    try (Stream<Path> files = Files.list(root)) {
      for (Path file : files.toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("io/vertx");
      }
    }
  }

  /** Each compiled class of the app by name, with the fitcoach packages it refers to. */
  private static Map<String, TreeSet<String>> references() throws IOException, URISyntaxException {
    Path root = classesRoot();
    Map<String, TreeSet<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        TreeSet<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(pool);
        while (m.find()) {
          packages.add(m.group(1));
        }
        String own = className(root, file);
        packages.remove(own.substring("fitcoach.".length(), own.lastIndexOf('.')));
        uses.merge(own.contains("$") ? own.substring(0, own.indexOf('$')) : own, packages, (a, b) -> {
          a.addAll(b);
          return a;
        });
      }
    }
    return uses;
  }

  private static List<String> classNames() throws IOException, URISyntaxException {
    Path root = classesRoot();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".class")).map(f -> className(root, f)).toList();
    }
  }

  private static String className(Path root, Path file) {
    String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
    return relative.substring(0, relative.length() - ".class".length());
  }

  /** The app's own classes (target/classes), not the tests'. */
  private static Path classesRoot() throws URISyntaxException {
    return Path.of(Feature.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
