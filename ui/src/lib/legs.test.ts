import { describe, expect, it } from 'vitest';
import type { ActivityLeg } from './api/activities';
import { formatOffset, isTransition, legRows } from './legs';

function leg(sportType: string, sportFamily: string, startOffsetS: number, elapsedTimeS: number, more: Partial<ActivityLeg> = {}): ActivityLeg {
  return {
    sportType,
    sportFamily,
    startOffsetS,
    elapsedTimeS,
    movingTimeS: elapsedTimeS,
    distanceM: null,
    avgHr: null,
    maxHr: null,
    avgPowerW: null,
    normalizedPowerW: null,
    ...more,
  };
}

const SPRINT: ActivityLeg[] = [
  leg('Swim', 'swim', 0, 905, { distanceM: 750, avgHr: 148 }),
  leg('Transition', 'transition', 905, 95, { distanceM: 180, avgHr: 151 }),
  leg('Ride', 'ride', 1000, 2470, { distanceM: 20000, avgHr: 156, avgPowerW: 212.4, normalizedPowerW: 220 }),
  leg('Transition', 'transition', 3470, 62, { avgHr: 158 }),
  leg('Run', 'run', 3532, 1230, { distanceM: 5000, avgHr: 167 }),
];

describe('legs', () => {
  it('formats offsets as h:mm:ss, always with hours', () => {
    expect(formatOffset(0)).toBe('0:00:00');
    expect(formatOffset(905)).toBe('0:15:05');
    expect(formatOffset(3725.4)).toBe('1:02:05');
    expect(formatOffset(null)).toBe('—');
    expect(formatOffset(-1)).toBe('—');
  });

  it('tells transitions by family or sport type', () => {
    expect(isTransition({ sportType: 'Transition', sportFamily: 'transition' })).toBe(true);
    expect(isTransition({ sportType: 'Transition', sportFamily: 'other' })).toBe(true);
    expect(isTransition({ sportType: 'Run', sportFamily: 'run' })).toBe(false);
  });

  it('numbers the transitions and formats each leg in the athlete’s units', () => {
    const rows = legRows(SPRINT);
    expect(rows.map((r) => r.sport)).toEqual(['Swim', 'Transition T1', 'Ride', 'Transition T2', 'Run']);
    expect(rows.map((r) => r.transition)).toEqual([false, true, false, true, false]);
    expect(rows.map((r) => r.family)).toEqual(['swim', 'transition', 'ride', 'transition', 'run']);
    expect(rows.map((r) => r.start)).toEqual(['0:00:00', '0:15:05', '0:16:40', '0:57:50', '0:58:52']);
    expect(rows[0]).toMatchObject({ time: '0:15:05', distance: '750 m', avgHr: '148', avgPower: '—' });
    expect(rows[1].distance).toBe('0.18 km');
    expect(rows[2]).toMatchObject({ distance: '20.0 km', avgPower: '212' });
    expect(rows[3].distance).toBe('—');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);

    const imperial = legRows(SPRINT, 'imperial');
    expect(imperial[0].distance).toBe('820 yd');
    expect(imperial[4].distance).toBe('3.11 mi');
  });

  it('falls back to moving time and shows dashes for what a leg did not record', () => {
    const [row] = legRows([leg('Run', 'run', 0, 0, { elapsedTimeS: null, movingTimeS: 600 })]);
    expect(row).toMatchObject({ time: '0:10:00', distance: '—', avgHr: '—', avgPower: '—' });
  });
});
