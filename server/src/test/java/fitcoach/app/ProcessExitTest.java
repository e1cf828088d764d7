package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessExitTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void aZombieHasEndedThoughJavaCallsItAlive() throws Exception {
    // The shell starts a short child, then becomes `sleep`, which never reaps it: the child stays a zombie.
    Process parent = new ProcessBuilder("bash", "-c", "sleep 0.1 & echo $!; exec sleep 30").start();
    try {
      long child;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
        child = Long.parseLong(out.readLine().strip());
        assertThat(ProcessExit.awaitEnd(child, Duration.ofSeconds(10))).isTrue();
      }
      assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
          .as("Java still calls the unreaped child alive").isTrue();
      assertThat(ProcessExit.hasEnded(child)).isTrue();
      assertThat(ProcessExit.hasEnded(parent.pid())).as("the running parent").isFalse();
      assertThat(ProcessExit.awaitEnd(parent.pid(), Duration.ofMillis(100))).isFalse();
    } finally {
      parent.destroyForcibly().waitFor();
    }
  }

  @Test
  void aProcessThatIsGoneHasEnded() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    assertThat(ProcessExit.hasEnded(done.pid())).isTrue();
  }
}
