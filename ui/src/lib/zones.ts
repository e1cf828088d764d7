/**
 * Time in zones as shares of the total, and the split below / at / above threshold by zone index: zones 1–3 are
 * below, zone 4 is at, zone 5 and up are above (the same rule for power and heart rate).
 */
export interface ZoneSplit {
  total: number;
  shares: number[];
  below: number;
  at: number;
  above: number;
}

export function zoneSplit(seconds: number[] | null | undefined): ZoneSplit | null {
  if (!seconds || seconds.length === 0) return null;
  const total = seconds.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  if (total <= 0) return null;
  const sum = (from: number, to: number) => seconds.slice(from, to).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  return {
    total,
    shares: seconds.map((s) => (Number.isFinite(s) ? s / total : 0)),
    below: sum(0, 3) / total,
    at: sum(3, 4) / total,
    above: sum(4, seconds.length) / total,
  };
}
