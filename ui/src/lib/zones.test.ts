import { describe, expect, it } from 'vitest';
import { POWER_ZONE_NAMES, zoneRows, zoneSplit } from './zones';
import { decouplingMeaning, intensityMeaning } from './analysisWords';
import { trendPaths } from './charts/trend';

describe('zone split', () => {
  it('puts zones 1–3 below threshold, zone 4 at, zone 5 and up above', () => {
    const s = zoneSplit([100, 100, 100, 100, 50, 30, 20])!;
    expect(s.total).toBe(500);
    expect(s.below).toBeCloseTo(0.6);
    expect(s.at).toBeCloseTo(0.2);
    expect(s.above).toBeCloseTo(0.2);
    expect(s.shares[0]).toBeCloseTo(0.2);
  });

  it('is the same for five heart-rate zones', () => {
    const s = zoneSplit([0, 600, 0, 300, 100])!;
    expect([s.below, s.at, s.above]).toEqual([0.6, 0.3, 0.1]);
  });

  it('has nothing to say without time', () => {
    expect(zoneSplit([0, 0, 0])).toBeNull();
    expect(zoneSplit(null)).toBeNull();
  });
});

describe('zone rows', () => {
  it('gives each zone its range from the lower bounds', () => {
    const rows = zoneRows([0, 146, 199, 239, 279, 318, 398], [10, 20, 30, 40, 0, 0, 0], POWER_ZONE_NAMES);
    expect(rows[0]).toMatchObject({ zone: 1, name: 'Active recovery', low: 0, high: 146, seconds: 10, share: 0.1 });
    expect(rows[6]).toMatchObject({ zone: 7, name: 'Neuromuscular', low: 398, high: null });
  });
});

describe('what the figures mean', () => {
  it('calls decoupling under 5 % aerobically steady', () => {
    expect(decouplingMeaning(3.2)).toMatch(/aerobically steady/);
    expect(decouplingMeaning(7)).toMatch(/drifted/);
    expect(decouplingMeaning(12)).toMatch(/Over 10 %/);
    expect(decouplingMeaning(null)).toBeNull();
  });

  it('places an intensity factor', () => {
    expect(intensityMeaning(0.65)).toMatch(/easy/);
    expect(intensityMeaning(1.0)).toMatch(/threshold/);
  });
});

describe('trend line', () => {
  it('breaks the line at weeks without an estimate', () => {
    const t = trendPaths([250, 260, null, 270], 300, 80)!;
    expect(t.paths).toHaveLength(2);
    expect(t.min).toBe(250);
    expect(t.max).toBe(270);
    expect(trendPaths([null, null], 300, 80)).toBeNull();
  });
});
