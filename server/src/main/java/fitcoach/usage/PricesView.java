package fitcoach.usage;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/ai/prices}: the defaults (per provider and model-id prefix; {@code estimate}: a newer model of a
 * family priced like its latest known one) and the athlete's own prices, all in US dollars per million tokens.
 */
public record PricesView(List<Entry> defaults, List<Entry> overrides) {
  /** One price: {@code provider} null for an athlete's price (it applies to any provider's model with that prefix). */
  public record Entry(String provider, String model, BigDecimal input, BigDecimal output, BigDecimal cacheWrite,
                      BigDecimal cacheRead, boolean estimate) {
  }

  static PricesView of(List<PriceTable.OwnPrice> own) {
    List<Entry> defaults = PriceTable.DEFAULTS.stream().map(d -> entry(d.provider(), d.prefix(), d.price(), d.estimate()))
        .toList();
    List<Entry> overrides = own.stream().map(o -> entry(null, o.model(), o.price(), false)).toList();
    return new PricesView(defaults, overrides);
  }

  private static Entry entry(String provider, String model, Price p, boolean estimate) {
    return new Entry(provider, model, plain(p.input()), plain(p.output()), plain(p.cacheWrite()), plain(p.cacheRead()),
        estimate);
  }

  /** 0.500000 from the database is 0.5 in JSON. */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
