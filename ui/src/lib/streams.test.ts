import { describe, expect, it } from 'vitest';
import { speedFromDistance } from './streams';

describe('speedFromDistance', () => {
  it('derives a steady speed', () => {
    const time = Array.from({ length: 30 }, (_, i) => i);
    const distance = time.map((t) => t * 3);
    const v = speedFromDistance(distance, time);
    expect(v.every((x) => x !== null && Math.abs(x - 3) < 1e-9)).toBe(true);
  });

  it('bridges a missing sample, needs both ends, and never goes negative', () => {
    const v = speedFromDistance([0, null, 10, 5], [0, 1, 2, 3], 2);
    expect(v[1]).toBe(5);
    expect(speedFromDistance([null, 1], [0, 1])[0]).toBeNull();
    expect(v[3]).toBe(0);
  });
});
