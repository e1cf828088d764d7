package fitcoach.testing;

import fitcoach.app.AppConfig;
import fitcoach.app.DatabaseUrl;
import fitcoach.boot.FitCoachApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The real FitCoach, wired by its real config, on a random loopback port against the test database. */
public final class TestApp {
  public static final String JWT_SECRET = "test-jwt-secret-0123456789-abcdefghijklmnop";
  public static final String ENCRYPTION_KEY = "test-encryption-key-0123456789-abcdefghijkl";

  private TestApp() {
  }

  /** The environment a test app starts with; tests add or override variables before {@link #start(Map)}. */
  public static Map<String, String> env(DatabaseUrl db) {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("DATABASE_URL", "postgres://" + db.user() + ":" + db.password() + "@" + db.host() + ":" + db.port() + "/" + db.database());
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("API_KEY_ENCRYPTION_KEY", ENCRYPTION_KEY);
    env.put("FITCOACH_DATA_DIR", tempDir().toString());
    env.put("FITCOACH_HTTP_INSTANCES", "2");
    env.put("FITCOACH_BLOCKED_THREAD_WARN_MS", "200");
    // No nightly or catch-up backup in the middle of other tests; backup tests turn it on or run one themselves.
    env.put("FITCOACH_BACKUPS", "off");
    return env;
  }

  public static FitCoachApp start() {
    return start(env(TestDatabase.url()));
  }

  public static FitCoachApp start(Map<String, String> env) {
    return FitCoachApp.start(AppConfig.fromEnv(env));
  }

  public static Path tempDir() {
    try {
      return Files.createTempDirectory("fitcoach-test");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
