/** A reproducible 10-year PMC: 3,650 days of load with CTL (42 d), ATL (7 d) and TSB. */
export function tenYears(days = 3650) {
  const x = new Float64Array(days);
  const load = new Float64Array(days);
  const ctl = new Float64Array(days);
  const atl = new Float64Array(days);
  const tsb = new Float64Array(days);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = Date.UTC(2016, 0, 1) / 1000;
  let c = 0;
  let a = 0;
  for (let i = 0; i < days; i++) {
    x[i] = start + i * 86400;
    const rest = i % 7 === 0 || rand() < 0.15;
    load[i] = rest ? 0 : 30 + rand() * 120;
    tsb[i] = c - a;
    c += (load[i] - c) / 42;
    a += (load[i] - a) / 7;
    ctl[i] = c;
    atl[i] = a;
  }
  return { x, load, ctl, atl, tsb };
}
