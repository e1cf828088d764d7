package fitcoach.testing.llm;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs both fake LLM servers on their own, for the e2e suite, benchmarks and manual work:
 * {@code FakeLlmMain [anthropicPort] [openAiPort] [url-file]} (0 or absent = a free port). Prints
 * {@code ANTHROPIC_BASE_URL=…}, {@code ANTHROPIC_API_KEY=…}, {@code OPENAI_BASE_URL=…} and {@code OPENAI_API_KEY=…}
 * lines (also written to the url file, as a .env fragment), then serves the canned answer until killed.
 */
public final class FakeLlmMain {
  private FakeLlmMain() {
  }

  public static void main(String[] args) throws Exception {
    int anthropicPort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int openAiPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Vertx vertx = Vertx.vertx();
    FakeAnthropic anthropic = FakeAnthropic.start(vertx, anthropicPort).await(30, TimeUnit.SECONDS);
    FakeOpenAi openAi = FakeOpenAi.start(vertx, openAiPort).await(30, TimeUnit.SECONDS);
    String env = "ANTHROPIC_BASE_URL=" + anthropic.baseUrl() + "\n"
        + "ANTHROPIC_API_KEY=" + anthropic.apiKey() + "\n"
        + "OPENAI_BASE_URL=" + openAi.baseUrl() + "\n"
        + "OPENAI_API_KEY=" + openAi.apiKey() + "\n";
    System.out.print(env);
    System.out.flush();
    if (args.length > 2) {
      Files.writeString(Path.of(args[2]), env);
    }
    Thread.currentThread().join();
  }
}
