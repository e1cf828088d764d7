package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretsFileTest {

  @Test
  @DisplayName("Missing secrets are generated once into a 0600 file and the same ones are reused on the next start")
  void generatesOnceAndReuses() throws Exception {
    Path dir = TestApp.tempDir();
    AppConfig config = AppConfig.fromEnv(Map.of("FITCOACH_DATA_DIR", dir.toString()));
    AppConfig first = SecretsFile.fillIn(config);
    assertThat(first.jwtSecret().orElseThrow()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(first.apiKeyEncryptionKey().orElseThrow()).hasSizeGreaterThanOrEqualTo(32)
        .isNotEqualTo(first.jwtSecret().orElseThrow());
    Path file = dir.resolve("secrets");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    AppConfig second = SecretsFile.fillIn(config);
    assertThat(second.jwtSecret()).isEqualTo(first.jwtSecret());
    assertThat(second.apiKeyEncryptionKey()).isEqualTo(first.apiKeyEncryptionKey());
  }

  @Test
  @DisplayName("Secrets given in the environment win, and nothing is written when both are given")
  void environmentWins() {
    Path dir = TestApp.tempDir();
    AppConfig config = AppConfig.fromEnv(Map.of("FITCOACH_DATA_DIR", dir.toString(),
        "JWT_SECRET", TestApp.JWT_SECRET, "API_KEY_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY));
    AppConfig filled = SecretsFile.fillIn(config);
    assertThat(filled.jwtSecret()).contains(TestApp.JWT_SECRET);
    assertThat(Files.exists(dir.resolve("secrets"))).isFalse();
  }

  @Test
  @DisplayName("The embedded database password is generated once next to the other secrets, which it leaves as they were")
  void databasePassword() throws Exception {
    Path dir = TestApp.tempDir();
    AppConfig filled = SecretsFile.fillIn(AppConfig.fromEnv(Map.of("FITCOACH_DATA_DIR", dir.toString())));
    SecretsFile.DatabasePassword first = SecretsFile.embeddedDatabasePassword(dir);
    assertThat(first.generated()).isTrue();
    assertThat(first.value()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(first.toString()).doesNotContain(first.value());
    SecretsFile.DatabasePassword again = SecretsFile.embeddedDatabasePassword(dir);
    assertThat(again.generated()).isFalse();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(SecretsFile.fillIn(AppConfig.fromEnv(Map.of("FITCOACH_DATA_DIR", dir.toString()))).jwtSecret())
        .isEqualTo(filled.jwtSecret());
    assertThat(Files.getPosixFilePermissions(dir.resolve("secrets")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(dir.resolve("secrets"))).contains("EMBEDDED_DATABASE_PASSWORD=" + first.value());
  }
}
