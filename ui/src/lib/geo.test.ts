import { describe, expect, it } from 'vitest';
import { decodePolyline, projectRoute } from './geo';

describe('decodePolyline', () => {
  it("decodes Google's documented example", () => {
    // https://developers.google.com/maps/documentation/utilities/polylinealgorithm
    const points = decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    expect(points).toEqual([
      [38.5, -120.2],
      [40.7, -120.95],
      [43.252, -126.453],
    ]);
  });

  it('returns nothing for an empty string and keeps what decoded from a truncated one', () => {
    expect(decodePolyline('')).toEqual([]);
    expect(decodePolyline('_p~iF~ps|U_ulL')).toEqual([[38.5, -120.2]]);
  });
});

describe('projectRoute', () => {
  it('fits the route in the box, keeping its shape, north up', () => {
    const r = projectRoute([
      [0.0, 0.0001],
      [0.01, 0.0001],
      [0.01, 0.0101],
    ], 200, 400, 10)!;
    expect(r.width).toBe(200);
    // A square route stays square: 180 px wide, 180 px high plus padding.
    expect(r.height).toBe(200);
    expect(r.start).toEqual([10, 190]);
    expect(r.end).toEqual([190, 10]);
    expect(r.d.startsWith('M10 190L10 10')).toBe(true);
  });

  it('needs two usable points and ignores null islands', () => {
    expect(projectRoute([[1, 1]])).toBeNull();
    expect(projectRoute([null, [0, 0], [1, 1]])).toBeNull();
  });

  it('thins long routes', () => {
    const pts = Array.from({ length: 10000 }, (_, i) => [45 + i / 1e5, 7 + i / 1e5] as [number, number]);
    const r = projectRoute(pts, 600, 400, 12, 500)!;
    expect(r.d.split('L').length).toBeLessThanOrEqual(501);
  });
});
