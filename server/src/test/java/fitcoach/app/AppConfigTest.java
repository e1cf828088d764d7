package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  @DisplayName("With no variables set FitCoach listens on 127.0.0.1:8080 and uses ./data, an embedded database and the public upstreams")
  void defaults() {
    AppConfig c = AppConfig.fromEnv(Map.of());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.listensBeyondLoopback()).isFalse();
    assertThat(c.access().trustedProxies().isEmpty()).isTrue();
    assertThat(c.access().allowedOrigins()).isEmpty();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(c.database()).isEmpty();
    assertThat(c.stravaBaseUrl().toString()).isEqualTo("https://www.strava.com");
    assertThat(c.anthropicBaseUrl().toString()).isEqualTo("https://api.anthropic.com");
    assertThat(c.secureCookies()).isFalse();
  }

  @Test
  @DisplayName("Strava's API host is a dated default: www.strava.com/api/v3 until 2027-06-01 (UTC), api-v3.strava.com from then")
  void stravaApiMoves() {
    java.time.Instant lastMinute = java.time.Instant.parse("2027-05-31T23:59:59Z");
    java.time.Instant moveDay = java.time.Instant.parse("2027-06-01T00:00:00Z");
    AppConfig.StravaApiHost api = AppConfig.fromEnv(Map.of()).strava().api();
    assertThat(api.at(lastMinute).toString()).isEqualTo("https://www.strava.com/api/v3");
    assertThat(api.at(moveDay).toString()).isEqualTo("https://www.api-v3.strava.com");

    // STRAVA_API_URL pins it; a custom STRAVA_BASE_URL (a proxy, a fake) keeps its API where it is unless told.
    assertThat(AppConfig.fromEnv(Map.of("STRAVA_API_URL", "http://proxy.local/v3")).strava().api().at(moveDay).toString())
        .isEqualTo("http://proxy.local/v3");
    AppConfig.StravaApiHost custom = AppConfig.fromEnv(Map.of("STRAVA_BASE_URL", "http://127.0.0.1:9")).strava().api();
    assertThat(custom.at(moveDay).toString()).isEqualTo("http://127.0.0.1:9/api/v3");
    AppConfig.StravaApiHost moved = AppConfig.fromEnv(Map.of("STRAVA_BASE_URL", "http://127.0.0.1:9",
        "STRAVA_NEXT_API_URL", "http://127.0.0.1:9/moved/api/v3", "STRAVA_API_MOVES_ON", "2026-12-24")).strava().api();
    assertThat(moved.at(java.time.Instant.parse("2026-12-23T23:00:00Z")).toString()).isEqualTo("http://127.0.0.1:9/api/v3");
    assertThat(moved.at(java.time.Instant.parse("2026-12-24T00:00:00Z")).toString()).isEqualTo("http://127.0.0.1:9/moved/api/v3");

    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("STRAVA_API_MOVES_ON", "June 2027")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("STRAVA_API_MOVES_ON");
  }

  @Test
  @DisplayName("DATABASE_URL is parsed into host, port, database and URL-decoded credentials")
  void parsesDatabaseUrl() {
    AppConfig c = AppConfig.fromEnv(Map.of("DATABASE_URL", "postgres://fit%40coach:p%3Ass@db.local:5433/fitcoach?sslmode=require"));
    DatabaseUrl db = c.database().orElseThrow();
    assertThat(db.host()).isEqualTo("db.local");
    assertThat(db.port()).isEqualTo(5433);
    assertThat(db.database()).isEqualTo("fitcoach");
    assertThat(db.user()).isEqualTo("fit@coach");
    assertThat(db.password()).isEqualTo("p:ss");
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/fitcoach?sslmode=require");
    assertThat(c.toString()).doesNotContain("p:ss");
  }

  @Test
  @DisplayName("Every invalid variable is named in one error")
  void reportsAllProblemsAtOnce() {
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of(
        "API_KEY_ENCRYPTION_KEY", "too-short",
        "DATABASE_URL", "mysql://localhost/db",
        "PORT", "eighty",
        "FRONTEND_URL", "not a url")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("API_KEY_ENCRYPTION_KEY must be at least 32 characters")
        .hasMessageContaining("DATABASE_URL must start with postgres://")
        .hasMessageContaining("PORT must be a whole number")
        .hasMessageContaining("FRONTEND_URL must be an http(s) URL")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("too-short"));
  }

  @Test
  @DisplayName("A DATABASE_URL without a database name is refused")
  void databaseUrlNeedsDatabase() {
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("DATABASE_URL", "postgres://u:p@host:5432")))
        .hasMessageContaining("DATABASE_URL has no database name");
  }

  @Test
  @DisplayName("An https FRONTEND_URL turns on Secure cookies")
  void secureCookiesOverHttps() {
    assertThat(AppConfig.fromEnv(Map.of("FRONTEND_URL", "https://coach.example.com/")).secureCookies()).isTrue();
    assertThat(AppConfig.fromEnv(Map.of("FRONTEND_URL", "http://nas.local:8080")).secureCookies()).isFalse();
  }

  @Test
  @DisplayName("A .env file is read, and the real environment wins over it")
  void dotEnv() throws Exception {
    Path file = Files.createTempFile("fitcoach", ".env");
    Files.writeString(file, """
        # comment
        export PORT=9000
        CLAUDE_API_KEY="sk-ant-from-file"
        STRAVA_CLIENT_ID=123 # trailing comment
        FRONTEND_URL='http://localhost:5173'
        """);
    Map<String, String> merged = DotEnv.merge(file, Map.of("PORT", "9100"));
    assertThat(merged).containsEntry("PORT", "9100")
        .containsEntry("CLAUDE_API_KEY", "sk-ant-from-file")
        .containsEntry("STRAVA_CLIENT_ID", "123")
        .containsEntry("FRONTEND_URL", "http://localhost:5173");
    assertThat(DotEnv.merge(file.resolveSibling("missing.env"), Map.of("A", "1"))).containsExactly(Map.entry("A", "1"));
  }

  @Test
  @DisplayName("HOST=0.0.0.0, a LAN address or a host name listen beyond loopback; 127.x, ::1 and localhost do not")
  void loopbackOrNot() {
    for (String host : new String[] {"0.0.0.0", "::", "192.168.1.5", "nas.local"}) {
      assertThat(AppConfig.fromEnv(Map.of("HOST", host)).listensBeyondLoopback()).as(host).isTrue();
    }
    for (String host : new String[] {"127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"}) {
      assertThat(AppConfig.fromEnv(Map.of("HOST", host)).listensBeyondLoopback()).as(host).isFalse();
    }
  }

  @Test
  @DisplayName("TRUSTED_PROXIES and FITCOACH_ALLOWED_ORIGINS are comma-separated lists; bad entries are named")
  void accessLists() {
    AppConfig c = AppConfig.fromEnv(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1,::1",
        "FITCOACH_ALLOWED_ORIGINS", "https://coach.example.com, http://nas.local:8080/"));
    assertThat(c.access().trustedProxies().trusts("10.20.30.40")).isTrue();
    assertThat(c.access().trustedProxies().trusts("11.0.0.1")).isFalse();
    assertThat(c.access().allowedOrigins()).extracting(Object::toString)
        .containsExactly("https://coach.example.com", "http://nas.local:8080");
    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("TRUSTED_PROXIES", "10.0.0.0/33, proxy.local",
        "FITCOACH_ALLOWED_ORIGINS", "https://coach.example.com/app")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRUSTED_PROXIES: '10.0.0.0/33' has a prefix length outside 0-32")
        .hasMessageContaining("FITCOACH_ALLOWED_ORIGINS must list origins like https://coach.example.com (got 'https://coach.example.com/app')");
  }

  @Test
  void ecosystemSettings() {
    AppConfig d = AppConfig.fromEnv(Map.of());
    assertThat(d.map().tiles()).contains(AppConfig.MapSettings.OSM_TILES);
    assertThat(d.map().attribution()).contains("OpenStreetMap");
    assertThat(d.metrics().enabled()).isFalse();
    assertThat(d.backups().enabled()).isTrue();
    assertThat(d.backups().at()).hasToString("03:30");
    assertThat(d.backups().keepDaily()).isEqualTo(7);
    assertThat(d.backups().keepWeekly()).isEqualTo(4);

    AppConfig c = AppConfig.fromEnv(Map.of("FITCOACH_MAP_TILES", "NONE", "FITCOACH_METRICS", "on",
        "FITCOACH_BACKUPS", "off", "FITCOACH_BACKUP_TIME", "23:05", "FITCOACH_BACKUP_KEEP_WEEKLY", "0"));
    assertThat(c.map().tiles()).isEmpty();
    assertThat(c.metrics().enabled()).isTrue();
    assertThat(c.backups().enabled()).isFalse();
    assertThat(c.backups().at()).hasToString("23:05");
    assertThat(c.backups().keepWeekly()).isZero();
    assertThat(AppConfig.fromEnv(Map.of("FITCOACH_MAP_TILES", "http://127.0.0.1:9/t/{z}/{x}/{y}.png")).map().attribution())
        .isEmpty();

    assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("FITCOACH_MAP_TILES", "file:///etc/{z}/{x}/{y}",
        "FITCOACH_METRICS", "maybe", "FITCOACH_BACKUP_TIME", "25:00", "FITCOACH_METRICS_TOKEN", "short")))
        .hasMessageContaining("FITCOACH_MAP_TILES").hasMessageContaining("FITCOACH_METRICS must be true or false")
        .hasMessageContaining("FITCOACH_BACKUP_TIME").hasMessageContaining("FITCOACH_METRICS_TOKEN");
  }
}
