package fitcoach.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which price a call is costed at, and what it costs. */
class PriceTableTest {
  private static final List<PriceTable.OwnPrice> NONE = List.of();

  @Test
  @DisplayName("A dated Claude id takes its family's list price by the longest prefix; Opus 4.1 and Opus 4.5 differ")
  void defaultsByLongestPrefix() {
    PriceTable.Resolved sonnet = PriceTable.resolve("anthropic", "claude-sonnet-4-5-20250929", NONE).orElseThrow();
    assertThat(sonnet.source()).isEqualTo(PriceTable.Source.DEFAULT);
    assertThat(sonnet.match()).isEqualTo("claude-sonnet-4");
    assertThat(sonnet.price().input()).isEqualByComparingTo("3");
    assertThat(sonnet.price().cacheRead()).isEqualByComparingTo("0.30");

    assertThat(PriceTable.resolve("anthropic", "claude-opus-4-1-20250805", NONE).orElseThrow().price().output())
        .isEqualByComparingTo("75");
    assertThat(PriceTable.resolve("anthropic", "claude-opus-4-5", NONE).orElseThrow().price().output())
        .isEqualByComparingTo("25");
    assertThat(PriceTable.resolve("anthropic", "claude-3-5-haiku-20241022", NONE).orElseThrow().price().input())
        .isEqualByComparingTo("0.80");
    assertThat(PriceTable.resolve("openai", "gpt-4o-mini-2024-07-18", NONE).orElseThrow().price().input())
        .isEqualByComparingTo("0.15");
  }

  @Test
  @DisplayName("A newer model of a known family is an estimate; an unknown model has no price, never a zero one")
  void estimatesAndUnknown() {
    PriceTable.Resolved next = PriceTable.resolve("anthropic", "claude-sonnet-5", NONE).orElseThrow();
    assertThat(next.source()).isEqualTo(PriceTable.Source.ESTIMATE);
    assertThat(next.price().output()).isEqualByComparingTo("15");
    assertThat(PriceTable.resolve("anthropic", "claude-mythos-5", NONE)).isEmpty();
    assertThat(PriceTable.resolve("openai", "gpt-7-turbo", NONE)).isEmpty();
    assertThat(PriceTable.resolve("openai", "o9-preview", NONE)).isEmpty();
  }

  @Test
  @DisplayName("A model on a local OpenAI-compatible server costs nothing")
  void localModelsAreFree() {
    PriceTable.Resolved local = PriceTable.resolve("openai", "llama3.2:latest", NONE).orElseThrow();
    assertThat(local.source()).isEqualTo(PriceTable.Source.LOCAL);
    assertThat(local.price()).isEqualTo(Price.FREE);
    // A Claude id named on the Anthropic provider is never "local".
    assertThat(PriceTable.resolve("anthropic", "llama3.2:latest", NONE)).isEmpty();
  }

  @Test
  @DisplayName("The athlete's own price wins over the default, the longest matching one first, case aside")
  void overridesWin() {
    List<PriceTable.OwnPrice> own = List.of(new PriceTable.OwnPrice("claude", Price.of(1, 1, 1, 1)),
        new PriceTable.OwnPrice("Claude-Sonnet-4-5", Price.of(2, 10, 2.5, 0.2)),
        new PriceTable.OwnPrice("llama3", Price.of(0.1, 0.1, 0, 0)));
    PriceTable.Resolved r = PriceTable.resolve("anthropic", "claude-sonnet-4-5-20250929", own).orElseThrow();
    assertThat(r.source()).isEqualTo(PriceTable.Source.OVERRIDE);
    assertThat(r.match()).isEqualTo("Claude-Sonnet-4-5");
    assertThat(r.price().output()).isEqualByComparingTo("10");
    assertThat(PriceTable.resolve("anthropic", "claude-mythos-5", own).orElseThrow().match()).isEqualTo("claude");
    assertThat(PriceTable.resolve("openai", "llama3.2:latest", own).orElseThrow().price().input())
        .isEqualByComparingTo("0.1");
  }

  @Test
  @DisplayName("Cost = each kind of token at its own rate per million, to a millionth of a dollar")
  void costArithmetic() {
    LedgerEntry e = new LedgerEntry("chat", "anthropic", "claude-sonnet-4-5", "complete", 1_000, 500, 10_000, 200_000,
        2, 800L, 4_000);
    // 1000×3 + 500×15 + 10000×3.75 + 200000×0.30 = 3000 + 7500 + 37500 + 60000 = 108000 per million → $0.108
    assertThat(Price.of(3, 15, 3.75, 0.30).cost(e)).isEqualByComparingTo(new BigDecimal("0.108"));
    assertThat(Price.of(3, 15, 3.75, 0.30).cost(e).scale()).isEqualTo(6);
    assertThat(Price.FREE.cost(e)).isEqualByComparingTo("0");
  }
}
