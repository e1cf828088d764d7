/** Routes without map tiles: Google's encoded polyline decoded here, and points projected to an SVG path. */

export type LatLng = [number, number];

/** Decodes Google's encoded polyline format (precision 5 by default). */
export function decodePolyline(encoded: string, precision = 5): LatLng[] {
  const factor = 10 ** precision;
  const points: LatLng[] = [];
  let index = 0;
  let lat = 0;
  let lng = 0;
  while (index < encoded.length) {
    let deltas: number[] = [];
    for (let k = 0; k < 2; k++) {
      let result = 0;
      let shift = 0;
      let byte: number;
      do {
        if (index >= encoded.length) return points; // truncated input: keep what decoded
        byte = encoded.charCodeAt(index++) - 63;
        result |= (byte & 0x1f) << shift;
        shift += 5;
      } while (byte >= 0x20);
      deltas.push(result & 1 ? ~(result >> 1) : result >> 1);
    }
    lat += deltas[0];
    lng += deltas[1];
    points.push([lat / factor, lng / factor]);
    deltas = [];
  }
  return points;
}

export interface ProjectedRoute {
  /** SVG path data in a width × height box; a gap in the positions starts a new subpath. */
  d: string;
  start: [number, number];
  end: [number, number];
  width: number;
  height: number;
  /** Where a point falls in the same box (e.g. the marker of the charts' cursor). */
  project: (p: LatLng) => [number, number];
  /** Path data for some of the route's points (e.g. one lap), gaps kept. */
  path: (points: (LatLng | null)[]) => string;
}

/** A position worth drawing: finite, and not the "null island" (0, 0) a device writes before it has a fix. */
export function usable(p: LatLng | null | undefined): p is LatLng {
  return !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]) && !(p[0] === 0 && p[1] === 0);
}

/** The route's runs of usable positions, split wherever positions are missing (no fix, or a privacy zone). */
export function routeSegments(points: (LatLng | null)[]): LatLng[][] {
  const out: LatLng[][] = [];
  let run: LatLng[] = [];
  for (const p of points) {
    if (usable(p)) {
      run.push(p);
    } else if (run.length) {
      out.push(run);
      run = [];
    }
  }
  if (run.length) out.push(run);
  return out.filter((r) => r.length >= 2);
}

/** The indices [from, to] of the samples inside a lap that starts at startS and lasts elapsedS (seconds since the start). */
export function lapIndexRange(time: number[], startS: number, elapsedS: number | null): [number, number] | null {
  if (!time.length) return null;
  const end = elapsedS == null ? Infinity : startS + elapsedS;
  let from = -1;
  let to = -1;
  for (let i = 0; i < time.length; i++) {
    if (time[i] >= startS && time[i] <= end) {
      if (from < 0) from = i;
      to = i;
    }
  }
  return from < 0 ? null : [from, to];
}

/**
 * Projects points (equirectangular, corrected for latitude) into a box of the given width,
 * keeping the aspect ratio, with padding. At most maxPoints are used (evenly thinned); gaps stay gaps.
 */
export function projectRoute(points: (LatLng | null)[], width = 600, maxHeight = 400, pad = 12, maxPoints = 2000): ProjectedRoute | null {
  const valid = points.filter(usable);
  if (valid.length < 2) return null;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  for (const [la, ln] of valid) {
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    if (ln < minLng) minLng = ln;
    if (ln > maxLng) maxLng = ln;
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const innerW = width - 2 * pad;
  let scale = innerW / spanX;
  let height = spanY * scale + 2 * pad;
  if (height > maxHeight) {
    scale = (maxHeight - 2 * pad) / spanY;
    height = maxHeight;
  }
  height = Math.max(height, 120);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const xy = ([la, ln]: LatLng): [number, number] => [
    +(offX + (ln - minLng) * k * scale).toFixed(1),
    +(offY + (maxLat - la) * scale).toFixed(1),
  ];
  const path = (pts: (LatLng | null)[]): string => {
    const total = pts.filter(usable).length;
    const every = Math.max(1, Math.ceil(total / maxPoints));
    let d = '';
    let n = 0;
    let open = false;
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      if (!usable(p)) {
        open = false;
        continue;
      }
      const last = i === pts.length - 1 || !usable(pts[i + 1]);
      // Thin evenly, but keep the first and last point of every run so a gap's edges are where they were.
      const keep = !open || last || n % every === 0;
      n++;
      if (!keep) continue;
      const [x, y] = xy(p);
      d += `${open ? 'L' : 'M'}${x} ${y}`;
      open = true;
    }
    return d;
  };
  return {
    d: path(points),
    start: xy(valid[0]),
    end: xy(valid[valid.length - 1]),
    width,
    height: Math.round(height),
    project: xy,
    path,
  };
}
