/**
 * Speed (m/s) from cumulative distance and time, over a window of about `windowS` seconds
 * centred on each sample, for files that record distance but no speed (e.g. GPX).
 */
export function speedFromDistance(distance: (number | null)[], time: number[], windowS = 10): (number | null)[] {
  const n = Math.min(distance.length, time.length);
  const out: (number | null)[] = new Array(n).fill(null);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    while (lo < i && time[i] - time[lo] > windowS / 2) lo++;
    if (hi < i) hi = i;
    while (hi + 1 < n && time[hi + 1] - time[i] <= windowS / 2) hi++;
    const d0 = distance[lo];
    const d1 = distance[hi];
    const dt = time[hi] - time[lo];
    if (d0 == null || d1 == null || dt <= 0) continue;
    out[i] = Math.max(0, (d1 - d0) / dt);
  }
  return out;
}
