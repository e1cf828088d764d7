package fitcoach.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything FitCoach reads from its environment, validated once at start-up.
 * Variable names follow the original FitCoach so an existing {@code .env} keeps working.
 */
public record AppConfig(
    String host,
    int port,
    Path dataDir,
    Optional<DatabaseUrl> database,
    Optional<String> jwtSecret,
    Optional<String> apiKeyEncryptionKey,
    Optional<String> stravaClientId,
    Optional<String> stravaClientSecret,
    Optional<String> stravaRedirectUri,
    Optional<String> stravaWebhookVerifyToken,
    Optional<String> claudeApiKey,
    Optional<URI> frontendUrl,
    URI stravaBaseUrl,
    URI anthropicBaseUrl,
    Optional<URI> openaiBaseUrl,
    int httpInstances,
    int blockedThreadWarnMs,
    StravaSettings strava,
    ImportSettings imports,
    CoachSettings coach,
    HttpSettings http,
    AccessSettings access,
    MapSettings map,
    MetricsSettings metrics,
    BackupSettings backups) {

  public static final int MIN_SECRET_LENGTH = 32;
  /** Only this computer can reach FitCoach unless HOST says otherwise: the first visitor creates the only account. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Builds the config from environment variables; lists every invalid variable in one exception. */
  public static AppConfig fromEnv(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Reader r = new Reader(env, problems);

    String host = r.string("HOST").orElse(DEFAULT_HOST);
    int port = r.integer("PORT", 8080, 0, 65535);
    Path dataDir = Path.of(r.string("FITCOACH_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    Optional<DatabaseUrl> database = r.string("DATABASE_URL").flatMap(value -> {
      try {
        return Optional.of(DatabaseUrl.parse(value));
      } catch (IllegalArgumentException e) {
        problems.add("DATABASE_URL " + e.getMessage());
        return Optional.empty();
      }
    });
    Optional<String> jwtSecret = r.secret("JWT_SECRET");
    Optional<String> encryptionKey = r.secret("API_KEY_ENCRYPTION_KEY");
    Optional<URI> frontendUrl = r.url("FRONTEND_URL");
    URI strava = r.url("STRAVA_BASE_URL").orElse(URI.create("https://www.strava.com"));
    URI anthropic = r.url("ANTHROPIC_BASE_URL").orElse(URI.create("https://api.anthropic.com"));
    Optional<URI> openai = r.url("OPENAI_BASE_URL");
    Optional<String> redirect = r.url("STRAVA_REDIRECT_URI").map(URI::toString);
    int instances = r.integer("FITCOACH_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 64);
    int blockedWarnMs = r.integer("FITCOACH_BLOCKED_THREAD_WARN_MS", 2000, 10, 60_000);
    // Strava moves its API to a new host on 2027-06-01; a custom STRAVA_BASE_URL (a proxy, a fake) keeps its API where it is.
    URI currentApi = URI.create(strava + "/api/v3");
    StravaSettings stravaSettings = new StravaSettings(
        new StravaApiHost(r.url("STRAVA_API_URL"), currentApi,
            r.url("STRAVA_NEXT_API_URL").orElse(r.string("STRAVA_BASE_URL").isPresent() ? currentApi : StravaApiHost.NEXT),
            r.date("STRAVA_API_MOVES_ON", StravaApiHost.MOVES_ON)),
        r.integer("STRAVA_RATE_WINDOW_SECONDS", 900, 1, 86_400),
        r.integer("STRAVA_RETRY_BASE_MS", 1000, 1, 60_000),
        r.integer("STRAVA_PAGE_SIZE", 200, 1, 200));
    ImportSettings importSettings = new ImportSettings(
        !"false".equalsIgnoreCase(r.string("FITCOACH_KEEP_ORIGINALS").orElse("true")),
        r.integer("FITCOACH_MAX_UPLOAD_MB", 2048, 1, 65_536) * 1024L * 1024L);
    CoachSettings coachSettings = new CoachSettings(
        r.string("FITCOACH_ANTHROPIC_MODEL").orElse(CoachSettings.DEFAULT_ANTHROPIC_MODEL),
        r.string("FITCOACH_ANTHROPIC_FAST_MODEL").orElse(CoachSettings.DEFAULT_ANTHROPIC_FAST_MODEL),
        r.string("OPENAI_MODEL"),
        r.integer("FITCOACH_STREAM_GRACE_MS", 500, 0, 60_000),
        r.integer("FITCOACH_CHAT_HISTORY_TOKENS", 24_000, 1_000, 1_000_000),
        r.integer("FITCOACH_LLM_IDLE_TIMEOUT_SECONDS", 120, 1, 3_600),
        r.integer("FITCOACH_LLM_FIRST_TOKEN_TIMEOUT_SECONDS", 30, 1, 3_600),
        r.integer("FITCOACH_LLM_RETRY_BASE_MS", 500, 1, 60_000));
    HttpSettings httpSettings = new HttpSettings(
        r.integer("FITCOACH_HEADER_TIMEOUT_SECONDS", 20, 1, 3_600),
        r.integer("FITCOACH_MAX_CONNECTIONS_PER_CLIENT", 64, 0, 100_000));
    AccessSettings access = new AccessSettings(
        r.string("TRUSTED_PROXIES").map(value -> {
          try {
            return TrustedProxies.parse(value);
          } catch (IllegalArgumentException e) {
            problems.add("TRUSTED_PROXIES: " + e.getMessage());
            return TrustedProxies.none();
          }
        }).orElse(TrustedProxies.none()),
        r.origins("FITCOACH_ALLOWED_ORIGINS"));
    MapSettings map = MapSettings.of(r.string("FITCOACH_MAP_TILES"), r.string("FITCOACH_MAP_ATTRIBUTION"), problems);
    MetricsSettings metrics = new MetricsSettings(r.flag("FITCOACH_METRICS", false), r.secret("FITCOACH_METRICS_TOKEN"));
    BackupSettings backups = new BackupSettings(r.flag("FITCOACH_BACKUPS", true),
        r.time("FITCOACH_BACKUP_TIME", BackupSettings.DEFAULT_TIME),
        r.integer("FITCOACH_BACKUP_KEEP_DAILY", 7, 0, 366),
        r.integer("FITCOACH_BACKUP_KEEP_WEEKLY", 4, 0, 520));

    if (!problems.isEmpty()) {
      throw new ConfigException("Invalid configuration: " + String.join("; ", problems));
    }
    return new AppConfig(host, port, dataDir, database, jwtSecret, encryptionKey,
        r.string("STRAVA_CLIENT_ID"), r.string("STRAVA_CLIENT_SECRET"), redirect,
        r.string("STRAVA_WEBHOOK_VERIFY_TOKEN"), r.string("CLAUDE_API_KEY"),
        frontendUrl, strava, anthropic, openai, instances, blockedWarnMs, stravaSettings, importSettings, coachSettings,
        httpSettings, access, map, metrics, backups);
  }

  /**
   * Strava details beyond the variables of the original FitCoach: the API base (Strava has announced a host move),
   * the rate-limit window (15 min; tests shorten it), retry backoff and page size.
   */
  public record StravaSettings(StravaApiHost api, int rateWindowSeconds, int retryBaseMs, int pageSize) {
  }

  /**
   * Where Strava's API lives: {@code current} until {@code movesOn} (UTC), {@code next} from then, as Strava announced
   * for 2027-06-01; {@code pinned} (STRAVA_API_URL) overrides both.
   */
  public record StravaApiHost(Optional<URI> pinned, URI current, URI next, java.time.LocalDate movesOn) {
    public static final URI NEXT = URI.create("https://www.api-v3.strava.com");
    public static final java.time.LocalDate MOVES_ON = java.time.LocalDate.of(2027, 6, 1);

    /** The API base to use at {@code now}. */
    public URI at(java.time.Instant now) {
      return pinned.orElseGet(() -> now.isBefore(movesOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()) ? current : next);
    }
  }

  /** Whether imported originals are kept under files/ (so history can be reprocessed), and the upload size cap. */
  public record ImportSettings(boolean keepOriginals, long maxUploadBytes) {
  }

  /**
   * The coach's defaults: models when the athlete picked none (model ids change fast, so they are settings, and the
   * athlete can choose from what the provider lists), how long an answer nobody listens to keeps running (so a
   * reconnect can resume it), the chat history budget, and the LLM client's idle timeout and retry backoff.
   */
  public record CoachSettings(String anthropicModel, String anthropicFastModel, Optional<String> openaiModel, int streamGraceMs,
                              int historyBudgetTokens, int llmIdleTimeoutSeconds, int llmFirstTokenTimeoutSeconds,
                              int llmRetryBaseMs) {
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-5";
    public static final String DEFAULT_ANTHROPIC_FAST_MODEL = "claude-haiku-4-5";
  }

  /**
   * Slow and greedy clients: the seconds a connection has to send complete request headers, counted from its opening
   * or from the end of its previous response (a trickle of bytes does not extend it, unlike the idle timeout); and the
   * connections one client address may hold open at once (0: no limit; behind a reverse proxy, the proxy is the client).
   */
  public record HttpSettings(int headerTimeoutSeconds, int maxConnectionsPerClient) {
  }

  /**
   * Who may reach FitCoach through a browser beyond the loopback origins: {@code FITCOACH_ALLOWED_ORIGINS}, extra
   * origins (scheme, host, port) whose pages may send writes and open the event bus (FRONTEND_URL is always one), and
   * {@code TRUSTED_PROXIES}, the reverse proxies whose X-Forwarded-For names the client for per-client limits.
   */
  public record AccessSettings(TrustedProxies trustedProxies, List<URI> allowedOrigins) {
  }

  /**
   * Map tiles for routes: {@code FITCOACH_MAP_TILES}, an XYZ URL template with {z}, {x} and {y} (OpenStreetMap's by
   * default), or {@code none} so the browser fetches no tile at all; {@code FITCOACH_MAP_ATTRIBUTION} the credit shown.
   */
  public record MapSettings(Optional<String> tiles, String attribution) {
    public static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors";

    static MapSettings of(Optional<String> template, Optional<String> attribution, List<String> problems) {
      String value = template.orElse(OSM_TILES);
      if ("none".equalsIgnoreCase(value)) {
        return new MapSettings(Optional.empty(), "");
      }
      boolean http = value.startsWith("https://") || value.startsWith("http://");
      if (!http || !value.contains("{z}") || !value.contains("{x}") || !value.contains("{y}")) {
        problems.add("FITCOACH_MAP_TILES must be 'none' or an http(s) URL template with {z}, {x} and {y} (got '"
            + value + "')");
      }
      return new MapSettings(Optional.of(value),
          attribution.orElse(template.isPresent() ? "" : OSM_ATTRIBUTION));
    }
  }

  /**
   * Prometheus metrics at /metrics: off unless {@code FITCOACH_METRICS=true}; then readable from loopback, or from
   * anywhere with {@code FITCOACH_METRICS_TOKEN} as a bearer token.
   */
  public record MetricsSettings(boolean enabled, Optional<String> token) {
  }

  /**
   * Nightly backups into {@code $FITCOACH_DATA_DIR/backups}: on unless {@code FITCOACH_BACKUPS=off}, at
   * {@code FITCOACH_BACKUP_TIME} (server-local HH:MM), keeping the newest {@code keepDaily} daily and {@code keepWeekly}
   * weekly copies.
   */
  public record BackupSettings(boolean enabled, java.time.LocalTime at, int keepDaily, int keepWeekly) {
    public static final java.time.LocalTime DEFAULT_TIME = java.time.LocalTime.of(3, 30);
  }

  /** Whether HOST makes FitCoach reachable from other computers (anything but a loopback address). */
  public boolean listensBeyondLoopback() {
    return !IpLiteral.isLoopback(host);
  }

  public boolean stravaConfigured() {
    return stravaClientId.isPresent() && stravaClientSecret.isPresent();
  }

  /** Cookies get the Secure flag only when the athlete serves FitCoach over https. */
  public boolean secureCookies() {
    return frontendUrl.map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
  }

  public AppConfig withSecrets(String jwt, String encryption) {
    return new AppConfig(host, port, dataDir, database, Optional.of(jwt), Optional.of(encryption),
        stravaClientId, stravaClientSecret, stravaRedirectUri, stravaWebhookVerifyToken, claudeApiKey,
        frontendUrl, stravaBaseUrl, anthropicBaseUrl, openaiBaseUrl, httpInstances, blockedThreadWarnMs, strava, imports, coach,
        http, access, map, metrics, backups);
  }

  public AppConfig withPort(int newPort) {
    return new AppConfig(host, newPort, dataDir, database, jwtSecret, apiKeyEncryptionKey,
        stravaClientId, stravaClientSecret, stravaRedirectUri, stravaWebhookVerifyToken, claudeApiKey,
        frontendUrl, stravaBaseUrl, anthropicBaseUrl, openaiBaseUrl, httpInstances, blockedThreadWarnMs, strava, imports, coach,
        http, access, map, metrics, backups);
  }

  public AppConfig withHost(String newHost) {
    return new AppConfig(newHost, port, dataDir, database, jwtSecret, apiKeyEncryptionKey,
        stravaClientId, stravaClientSecret, stravaRedirectUri, stravaWebhookVerifyToken, claudeApiKey,
        frontendUrl, stravaBaseUrl, anthropicBaseUrl, openaiBaseUrl, httpInstances, blockedThreadWarnMs, strava, imports, coach,
        http, access, map, metrics, backups);
  }

  public AppConfig withDatabase(DatabaseUrl url) {
    return new AppConfig(host, port, dataDir, Optional.of(url), jwtSecret, apiKeyEncryptionKey,
        stravaClientId, stravaClientSecret, stravaRedirectUri, stravaWebhookVerifyToken, claudeApiKey,
        frontendUrl, stravaBaseUrl, anthropicBaseUrl, openaiBaseUrl, httpInstances, blockedThreadWarnMs, strava, imports, coach,
        http, access, map, metrics, backups);
  }

  /** Never print secrets: this is what start-up logs. */
  @Override
  public String toString() {
    return "AppConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir
        + ", database=" + database.map(DatabaseUrl::redacted).orElse("embedded")
        + ", frontendUrl=" + frontendUrl.map(URI::toString).orElse("-")
        + ", stravaBaseUrl=" + stravaBaseUrl + ", anthropicBaseUrl=" + anthropicBaseUrl
        + ", openaiBaseUrl=" + openaiBaseUrl.map(URI::toString).orElse("-")
        + ", claudeApiKey=" + (claudeApiKey.isPresent() ? "set" : "unset")
        + ", httpInstances=" + httpInstances
        + ", allowedOrigins=" + access.allowedOrigins() + ", trustedProxies=" + access.trustedProxies() + "]";
  }

  private record Reader(Map<String, String> env, List<String> problems) {
    Optional<String> string(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    int integer(String name, int fallback, int min, int max) {
      Optional<String> v = string(name);
      if (v.isEmpty()) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(v.get());
        if (n < min || n > max) {
          problems.add(name + " must be between " + min + " and " + max + " (got " + n + ")");
        }
        return n;
      } catch (NumberFormatException e) {
        problems.add(name + " must be a whole number (got '" + v.get() + "')");
        return fallback;
      }
    }

    Optional<String> secret(String name) {
      Optional<String> v = string(name);
      if (v.isPresent() && v.get().length() < MIN_SECRET_LENGTH) {
        problems.add(name + " must be at least " + MIN_SECRET_LENGTH + " characters (got " + v.get().length() + ")");
      }
      return v;
    }

    /** A comma-separated list of http(s) origins, each reduced to scheme://host[:port]. */
    List<URI> origins(String name) {
      List<URI> origins = new ArrayList<>();
      for (String entry : string(name).orElse("").split(",")) {
        String value = entry.trim();
        if (value.isEmpty()) {
          continue;
        }
        try {
          URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
          boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
          if (!http || uri.getHost() == null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
              || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            problems.add(name + " must list origins like https://coach.example.com (got '" + value + "')");
            continue;
          }
          origins.add(uri);
        } catch (Exception e) {
          problems.add(name + " must list origins like https://coach.example.com (got '" + value + "')");
        }
      }
      return List.copyOf(origins);
    }

    /** true/on/yes/1 or false/off/no/0. */
    boolean flag(String name, boolean fallback) {
      Optional<String> v = string(name);
      if (v.isEmpty()) {
        return fallback;
      }
      switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
        case "true": case "on": case "yes": case "1":
          return true;
        case "false": case "off": case "no": case "0":
          return false;
        default:
          problems.add(name + " must be true or false (got '" + v.get() + "')");
          return fallback;
      }
    }

    java.time.LocalTime time(String name, java.time.LocalTime fallback) {
      Optional<String> v = string(name);
      try {
        return v.map(java.time.LocalTime::parse).orElse(fallback);
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(name + " must be a time like 03:30 (got '" + v.get() + "')");
        return fallback;
      }
    }

    java.time.LocalDate date(String name, java.time.LocalDate fallback) {
      Optional<String> v = string(name);
      try {
        return v.map(java.time.LocalDate::parse).orElse(fallback);
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(name + " must be a date like 2027-06-01 (got '" + v.get() + "')");
        return fallback;
      }
    }

    Optional<URI> url(String name) {
      Optional<String> v = string(name);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        URI uri = new URI(v.get());
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
            || uri.getHost() == null) {
          problems.add(name + " must be an http(s) URL (got '" + v.get() + "')");
          return Optional.empty();
        }
        String s = uri.toString();
        return Optional.of(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
      } catch (Exception e) {
        problems.add(name + " must be an http(s) URL (got '" + v.get() + "')");
        return Optional.empty();
      }
    }
  }
}
