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
  /** SVG path data in a width × height box. */
  d: string;
  start: [number, number];
  end: [number, number];
  width: number;
  height: number;
  /** Where a point falls in the same box (e.g. the marker of the charts' cursor). */
  project: (p: LatLng) => [number, number];
}

/**
 * Projects points (equirectangular, corrected for latitude) into a box of the given width,
 * keeping the aspect ratio, with padding. At most maxPoints are used (evenly thinned).
 */
export function projectRoute(points: (LatLng | null)[], width = 600, maxHeight = 400, pad = 12, maxPoints = 2000): ProjectedRoute | null {
  const valid = points.filter((p): p is LatLng => !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]) && !(p[0] === 0 && p[1] === 0));
  if (valid.length < 2) return null;
  const step = Math.max(1, Math.ceil(valid.length / maxPoints));
  const thinned = valid.filter((_, i) => i % step === 0 || i === valid.length - 1);
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  for (const [la, ln] of thinned) {
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
  const pts = thinned.map(xy);
  const d = pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join('');
  return { d, start: pts[0], end: pts[pts.length - 1], width, height: Math.round(height), project: xy };
}
