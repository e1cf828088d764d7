package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.BlockedThreadDetector;
import fitcoach.testing.DataFolder;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL as the app runs it: durable, password-only, private, restarted when it dies, one app per folder. */
class EmbeddedDatabaseTest {

  @Test
  @DisplayName("The embedded server runs with fsync, full-page writes and synchronous commit, SCRAM logins only, in private folders")
  void productionSettings() throws Exception {
    DataFolder folder = DataFolder.create();
    try (FitCoachApp app = TestApp.start(folder.env())) {
      assertThat(folder.value("SHOW fsync")).isEqualTo("on");
      assertThat(folder.value("SHOW synchronous_commit")).isEqualTo("on");
      assertThat(folder.value("SHOW full_page_writes")).isEqualTo("on");
      assertThat(folder.value("SHOW listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(folder.value("SHOW unix_socket_directories")).isEmpty();
      assertThat(folder.value("SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules")).isEqualTo("scram-sha-256");
      assertThat(folder.count("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")).isZero();
      assertThat(folder.value("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")).isEqualTo("t");

      assertRefused(() -> folder.connect(null));
      assertRefused(() -> folder.connect("wrong-" + folder.password()));
      assertThat(folder.password()).hasSizeGreaterThanOrEqualTo(32);

      assertThat(permissions(folder.dir())).isEqualTo("rwx------");
      assertThat(permissions(folder.pg())).isEqualTo("rwx------");
      assertThat(permissions(folder.dir().resolve("secrets"))).isEqualTo("rw-------");
      assertThat(permissions(folder.dir().resolve(DataDirLock.FILE))).isEqualTo("rw-------");
      assertThat(new TestClient(app.port()).get("/api/health").json().getJsonObject("embeddedDatabase"))
          .isEqualTo(new JsonObject().put("state", "running").put("restarts", 0));
    }
  }

  @Test
  @DisplayName("When the embedded server is killed, FitCoach restarts it: health says so, data is there and writes work again")
  void restartsAKilledServer() throws Exception {
    DataFolder folder = DataFolder.create();
    try (FitCoachApp app = TestApp.start(folder.env())) {
      TestClient client = new TestClient(app.port());
      assertThat(client.post("/api/auth/setup", new JsonObject().put("email", "crash@example.com")
          .put("password", "a durable password")).status()).isEqualTo(201);
      assertThat(manualRun(client, java.time.LocalDate.now().minusDays(3) + "T07:00").status()).isEqualTo(201);
      // From here on (the crash, the restarts, the pool reconnecting) no event loop may block.
      BlockedThreadDetector.drain();
      long killed = folder.postmasterPid();
      // While its configuration is missing the server cannot come back: FitCoach keeps trying, and health says so.
      Path conf = folder.pg().resolve("postgresql.conf");
      Path away = folder.pg().resolve("postgresql.conf.away");
      Files.move(conf, away);

      ProcessHandle.of(killed).orElseThrow().destroyForcibly();

      await(() -> {
        var health = client.get("/api/health");
        return health.status() == 503 && "restarting".equals(health.json().getString("database"))
            && health.json().getJsonObject("embeddedDatabase").getString("state").equals("restarting")
            && health.json().getJsonObject("embeddedDatabase").getString("lastStop").startsWith("killed by signal 9 at ")
            && health.json().getJsonObject("embeddedDatabase").getInteger("failedAttempts", 0) >= 2;
      }, Duration.ofSeconds(30), "health reports the restart and the attempts that failed");
      assertThat(client.get("/api/health").json().getJsonObject("embeddedDatabase").getString("lastError"))
          .contains("postgresql.conf");
      // Meanwhile a request that needs the database is told to come back, not given a server error.
      var down = client.get("/api/activities");
      assertThat(down.status()).as(down.body()).isEqualTo(503);
      assertThat(down.json().getJsonObject("error").getString("code")).isEqualTo("database_unavailable");
      assertThat(down.header("Retry-After")).isEqualTo("5");
      Files.move(away, conf);
      await(() -> {
        var health = client.get("/api/health");
        return health.status() == 200 && health.json().getJsonObject("embeddedDatabase").getInteger("restarts") == 1;
      }, Duration.ofSeconds(60), "health back to ok after one restart");
      JsonObject embedded = client.get("/api/health").json().getJsonObject("embeddedDatabase");
      assertThat(embedded.getString("state")).isEqualTo("running");
      assertThat(embedded.getString("lastStop")).startsWith("killed by signal 9 at ");
      assertThat(embedded.getString("lastRestart")).startsWith("restarted at ").endsWith("after killed by signal 9");
      assertThat(folder.postmasterPid()).isNotEqualTo(killed);
      // Connections the pool held died with the server; new ones reach the restarted one, for reads and writes.
      await(() -> client.get("/api/activities").status() == 200, Duration.ofSeconds(10), "reads work");
      assertThat(client.get("/api/activities").json().getLong("total")).isEqualTo(1);
      assertThat(manualRun(client, java.time.LocalDate.now().minusDays(2) + "T07:00").status()).isEqualTo(201);
      assertThat(folder.count("SELECT count(*) FROM activities")).isEqualTo(2);
    }
    assertThat(BlockedThreadDetector.drain()).isEmpty();
  }

  @Test
  @DisplayName("A data folder made by the old trust-login code is upgraded in place: password set, logins SCRAM-only, data kept")
  void upgradesATrustFolder() throws Exception {
    DataFolder folder = DataFolder.create();
    Files.createDirectories(folder.pg());
    // Exactly what FitCoach ran before: the library's test settings, trust logins, no password; an account made through it.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(folder.pg()).setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1").setRegisterShutdownHook(false).start()) {
      Map<String, String> env = folder.env();
      env.put("DATABASE_URL", "postgres://postgres:@127.0.0.1:" + old.getPort() + "/postgres");
      try (FitCoachApp before = TestApp.start(env)) {
        TestClient client = new TestClient(before.port());
        assertThat(client.post("/api/auth/setup", new JsonObject().put("email", "old@example.com")
            .put("password", "years of training")).status()).isEqualTo(201);
        assertThat(manualRun(client, java.time.LocalDate.now().minusDays(3) + "T07:00").status()).isEqualTo(201);
      }
    }
    assertThat(Files.readString(folder.pg().resolve("pg_hba.conf"))).contains("trust");

    try (FitCoachApp app = TestApp.start(folder.env())) {
      TestClient client = new TestClient(app.port());
      assertThat(client.post("/api/auth/login", new JsonObject().put("email", "old@example.com")
          .put("password", "years of training")).status()).isEqualTo(200);
      assertThat(client.get("/api/activities").json().getLong("total")).isEqualTo(1);
      assertThat(folder.value("SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules")).isEqualTo("scram-sha-256");
      assertThat(folder.value("SHOW fsync")).isEqualTo("on");
      assertRefused(() -> folder.connect(null));
    }
    assertThat(Files.readString(folder.pg().resolve("pg_hba.conf"))).doesNotContain("trust");
    // The next start finds nothing to upgrade and the data is still there.
    try (FitCoachApp again = TestApp.start(folder.env())) {
      assertThat(folder.count("SELECT count(*) FROM activities")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("A secrets file that lost the database password gets a new one, set on the server, and the data stays")
  void lostPasswordIsReset() throws Exception {
    DataFolder folder = DataFolder.create();
    try (FitCoachApp app = TestApp.start(folder.env())) {
      assertThat(new TestClient(app.port()).post("/api/auth/setup", new JsonObject().put("email", "keep@example.com")
          .put("password", "a durable password")).status()).isEqualTo(201);
    }
    Path secrets = folder.dir().resolve("secrets");
    String before = folder.password();
    Files.writeString(secrets, String.join("\n", Files.readAllLines(secrets).stream()
        .filter(l -> !l.startsWith("EMBEDDED_DATABASE_PASSWORD")).toList()) + "\n");

    try (FitCoachApp app = TestApp.start(folder.env())) {
      assertThat(folder.password()).isNotNull().isNotEqualTo(before);
      assertThat(folder.count("SELECT count(*) FROM users")).isEqualTo(1);
      assertRefused(() -> folder.connect(before));
    }
  }

  @Test
  @DisplayName("The superuser's SCRAM secret uses one PBKDF2 round (its password is random); a 4,096-round one is replaced on the next start")
  void scramSecretIsLight() throws Exception {
    DataFolder folder = DataFolder.create();
    String light = "SELECT split_part(split_part(rolpassword, '$', 2), ':', 1) FROM pg_authid WHERE rolname = 'postgres'";
    try (FitCoachApp app = TestApp.start(folder.env())) {
      assertThat(folder.value(light)).isEqualTo(Integer.toString(ScramSecret.ITERATIONS));
      try (Connection c = folder.connect(folder.password()); var s = c.createStatement()) {
        // As initdb or an earlier FitCoach left it: PostgreSQL's default count.
        s.execute("SET scram_iterations = 4096");
        s.execute("ALTER ROLE postgres PASSWORD '" + folder.password() + "'");
      }
      assertThat(folder.value(light)).isEqualTo("4096");
    }
    try (FitCoachApp app = TestApp.start(folder.env())) {
      assertThat(folder.value(light)).isEqualTo(Integer.toString(ScramSecret.ITERATIONS));
      assertThat(new TestClient(app.port()).get("/api/health").status()).isEqualTo(200);
      assertRefused(() -> folder.connect("wrong-" + folder.password()));
      assertRefused(() -> folder.connect(null));
    }
  }

  @Test
  @DisplayName("The SCRAM secret computed here is the one PostgreSQL computes for the same password, salt and rounds")
  void scramSecretMatchesPostgres() throws Exception {
    // RFC 7677's example: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 rounds.
    byte[] salt = java.util.Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    assertThat(ScramSecret.of("pencil", salt, 4096)).isEqualTo(
        "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");
  }

  @Test
  @DisplayName("A second FitCoach on the same data folder stops at once, naming the folder and the first process")
  void secondAppOnTheSameFolder() {
    DataFolder folder = DataFolder.create();
    try (FitCoachApp first = TestApp.start(folder.env())) {
      long postmaster = folder.postmasterPid();
      assertThatThrownBy(() -> TestApp.start(folder.env()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("already running on the data folder " + folder.dir())
          .hasMessageContaining("process " + ProcessHandle.current().pid());
      assertThat(folder.postmasterPid()).isEqualTo(postmaster);
      assertThat(new TestClient(first.port()).get("/api/health").status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("A port already in use stops start-up naming the port, before any data folder, secret or database is made")
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      DataFolder fresh = DataFolder.create();
      Map<String, String> env = fresh.env();
      env.put("PORT", Integer.toString(taken.getLocalPort()));
      assertThatThrownBy(() -> TestApp.start(env))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
      assertThat(fresh.dir()).doesNotExist();

      DataFolder existing = DataFolder.create();
      Files.createDirectories(existing.dir());
      env.put("FITCOACH_DATA_DIR", existing.dir().toString());
      assertThatThrownBy(() -> TestApp.start(env)).hasMessageContaining("port " + taken.getLocalPort());
      try (var entries = Files.list(existing.dir())) {
        assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsOnly(DataDirLock.FILE);
      }
    }
  }

  private static TestClient.Response manualRun(TestClient client, String startLocal) {
    return client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", startLocal)
        .put("durationS", 1800).put("name", "Run at " + startLocal));
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private interface Login {
    Connection open() throws SQLException;
  }

  private static void assertRefused(Login login) {
    assertThatThrownBy(() -> login.open().close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
  }

  static void await(BooleanSupplier condition, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    List<Throwable> errors = new ArrayList<>();
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        errors.add(e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout + ": " + what + (errors.isEmpty() ? "" : " (last error: " + errors.get(errors.size() - 1) + ")"));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
