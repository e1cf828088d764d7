/** An SVG polyline for a small trend chart: values over evenly spaced weeks, nulls break the line. */
export function trendPaths(values: (number | null)[], width: number, height: number, pad = 4): { paths: string[]; min: number; max: number } | null {
  const nums = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (nums.length === 0) return null;
  let min = Math.min(...nums);
  let max = Math.max(...nums);
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - min) / (max - min));
  const paths: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v == null || !Number.isFinite(v)) {
      if (current.length) paths.push(current.join(' '));
      current = [];
      return;
    }
    const x = values.length > 1 ? pad + i * step : width / 2;
    current.push(`${current.length ? 'L' : 'M'}${x.toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) paths.push(current.join(' '));
  return { paths, min, max };
}
