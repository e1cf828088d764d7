import { describe, expect, it } from 'vitest';
import { hrZones } from './hrzones';

describe('hrZones', () => {
  it('puts each second in its LTHR zone', () => {
    // LTHR 170: bounds 117, 143, 162, 180.
    const hr = [100, 120, 150, 165, 185, null, 185];
    const z = hrZones(hr, undefined, 170)!;
    expect(z.map((x) => x.seconds)).toEqual([1, 1, 1, 1, 2]);
    expect(z[0]).toMatchObject({ zone: 1, low: 0, high: 117 });
    expect(z[4]).toMatchObject({ zone: 5, low: 180, high: null });
    expect(z.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1);
  });

  it('weights by the time stream and caps pauses', () => {
    const z = hrZones([100, 150, 150], [0, 5, 600], 170)!;
    // 5 s in zone 1, 10 s (capped from 595) + 1 s for the last sample in zone 3.
    expect(z.map((x) => x.seconds)).toEqual([5, 0, 11, 0, 0]);
  });

  it('gives nothing without samples or a threshold', () => {
    expect(hrZones([], undefined, 170)).toBeNull();
    expect(hrZones([null, 0], undefined, 170)).toBeNull();
    expect(hrZones([150], undefined, 0)).toBeNull();
  });
});
