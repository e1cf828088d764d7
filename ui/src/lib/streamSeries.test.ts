import { describe, expect, it } from 'vitest';
import { cadenceLabel, canUseDistance, hasSignal, indexAtTime, legSpans, streamSeries, xValues } from './streamSeries';
import type { ActivityLeg } from './api/activities';

const time = [0, 1, 2, 3, 4];

describe('streamSeries', () => {
  it('leaves out streams that are all zero or all missing', () => {
    const series = streamSeries(
      { time, heartrate: [120, 121, 122, 123, 124], watts: [0, 0, 0, 0, 0], cadence: [null, null, null, null, null], altitude: [0, 0, 0, 0, 0] },
      'ride',
      'metric',
      'rpm',
    );
    expect(series.map((s) => s.key)).toEqual(['heartrate']);
    expect(hasSignal([0, null, 0])).toBe(false);
    expect(hasSignal([0, 3])).toBe(true);
    expect(hasSignal(undefined)).toBe(false);
  });

  it('labels cadence in the unit the server served: steps per minute for a run, without converting it again', () => {
    const [cadence] = streamSeries({ time, cadence: [170, 172, 174, 172, 170] }, 'run', 'metric', 'steps/min');
    expect(cadence.unit).toBe('spm');
    expect(cadence.values).toEqual([170, 172, 174, 172, 170]);
    expect(cadenceLabel('rpm', 'ride')).toBe('rpm');
    expect(cadenceLabel('per leg', 'multisport')).toBe('/min');
    expect(cadenceLabel(undefined, 'swim')).toBe('strokes/min');
  });

  it('charts pace on foot and speed otherwise, in the athlete’s units', () => {
    const v = { time, velocity_smooth: [4, 4, 4, 4, 4] };
    const pace = streamSeries(v, 'run', 'metric')[0];
    expect(pace.key).toBe('pace');
    expect(pace.values[0]).toBe(250);
    expect(pace.format!(250)).toBe('4:10');
    const speed = streamSeries(v, 'ride', 'imperial')[0];
    expect(speed.unit).toBe('mph');
    expect(speed.values[0]).toBeCloseTo(8.948, 3);
  });
});

describe('the distance axis', () => {
  it('rises monotonically in km or miles, holding the distance reached over a gap or a GPS step back', () => {
    const streams = { time, distance: [0, 1000, null, 900, 1609.344] } as unknown as Parameters<typeof xValues>[0];
    expect(xValues(streams, 'distance', 'metric')).toEqual([0, 1, 1, 1, 1.609344]);
    expect(xValues(streams, 'distance', 'imperial')[4]).toBeCloseTo(1, 9);
    expect(xValues(streams, 'time', 'metric')).toBe(time);
    expect(canUseDistance(streams)).toBe(true);
    expect(canUseDistance({ time, distance: [0, 0, 0, 0, 0] })).toBe(false);
    expect(canUseDistance({ time })).toBe(false);
  });
});

describe('legs over the charts', () => {
  it('finds each leg’s samples from its start offset', () => {
    const t = [0, 10, 20, 30, 40, 50, 60];
    expect(indexAtTime(t, 25)).toBe(3);
    expect(indexAtTime(t, 99)).toBe(6);
    const leg = (sportType: string, startOffsetS: number) => ({ sportType, startOffsetS }) as ActivityLeg;
    expect(legSpans([leg('Swim', 0), leg('Transition', 20), leg('Ride', 30)], t)).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 3 },
      { from: 3, to: 6 },
    ]);
  });
});
