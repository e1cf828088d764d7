import { describe, expect, it } from 'vitest';
import { CURVE_TICKS, logTicks } from './curves';
import { formatCurveDuration } from '../format';

describe('log-axis ticks for duration curves', () => {
  it('lists the familiar durations inside the range', () => {
    expect(logTicks(1, 21600)).toEqual(CURVE_TICKS);
    expect(logTicks(10, 1000)).toEqual([15, 30, 60, 120, 300, 600]);
  });

  it('keeps the main ones when the axis is narrow, labelled 5s 1m 5m 20m 1h', () => {
    const ticks = logTicks(1, 21600, 8);
    expect(ticks.map(formatCurveDuration)).toEqual(['1s', '5s', '30s', '1m', '5m', '20m', '1h', '6h']);
  });

  it('thins further on a phone, keeping both ends', () => {
    const ticks = logTicks(1, 21600, 4);
    expect(ticks[0]).toBe(1);
    expect(ticks.at(-1)).toBe(21600);
    expect(ticks.length).toBeLessThanOrEqual(5);
  });

  it('gives nothing for a range with no familiar duration', () => {
    expect(logTicks(2, 4)).toEqual([]);
  });
});
