/**
 * Which stream charts an activity gets, and on what x axis. The values are the server's (cadence already in steps per
 * minute on foot); this only converts units for display and leaves out streams that recorded nothing.
 */
import type { ActivityLeg, CadenceUnit, Streams } from './api/activities';
import type { Units } from './api/settings';
import { speedFromDistance } from './streams';

export interface StreamSeries {
  key: 'heartrate' | 'pace' | 'speed' | 'watts' | 'altitude' | 'cadence';
  title: string;
  color: string;
  unit: string;
  values: (number | null)[];
  digits: number;
  invert: boolean;
  format?: (v: number) => string;
}

export type StreamAxis = 'time' | 'distance';

/** True when a stream holds at least one non-zero number: all zero (a sensor not paired) or all missing is nothing. */
export function hasSignal(values: readonly (number | null | undefined)[] | null | undefined): boolean {
  if (!values) return false;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v) && v !== 0) return true;
  return false;
}

/** "5:07" for a pace in seconds. */
export function formatPaceSeconds(v: number): string {
  const total = Math.round(v);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The label of the cadence unit the server served ("per leg": each leg's own, so a neutral "/min"). */
export function cadenceLabel(unit: CadenceUnit | undefined, family: string): string {
  if (unit === 'per leg') return '/min';
  if (unit) return unit === 'steps/min' ? 'spm' : unit === 'strokes/min' ? 'strokes/min' : 'rpm';
  // An older server sent what the device recorded.
  return family === 'swim' || family === 'row' ? 'strokes/min' : 'rpm';
}

/** The charts to draw, in order, each with a signal. */
export function streamSeries(streams: Streams, family: string, units: Units, cadenceUnit?: CadenceUnit): StreamSeries[] {
  const out: StreamSeries[] = [];
  const imperial = units === 'imperial';
  const foot = family === 'run' || family === 'walk';
  const add = (s: StreamSeries) => {
    if (hasSignal(s.values)) out.push(s);
  };
  if (streams.heartrate) add({ key: 'heartrate', title: 'Heart rate', color: '--c-hr', unit: 'bpm', values: streams.heartrate, digits: 0, invert: false });
  // Speed in m/s: recorded, or derived from the distance stream when only that exists (GPX).
  const velocity = hasSignal(streams.velocity_smooth)
    ? streams.velocity_smooth!
    : streams.distance && streams.time
      ? speedFromDistance(streams.distance, streams.time)
      : null;
  if (velocity && foot) {
    const per = imperial ? 1609.344 : 1000;
    add({
      key: 'pace',
      title: 'Pace',
      color: '--c-speed',
      unit: imperial ? '/mi' : '/km',
      values: velocity.map((v) => (v == null || v < 0.5 ? null : per / v)),
      digits: 0,
      invert: true,
      format: formatPaceSeconds,
    });
  } else if (velocity) {
    const k = imperial ? 2.2369362921 : 3.6;
    add({ key: 'speed', title: 'Speed', color: '--c-speed', unit: imperial ? 'mph' : 'km/h', values: velocity.map((v) => (v == null ? null : v * k)), digits: 1, invert: false });
  }
  if (streams.watts) add({ key: 'watts', title: 'Power', color: '--c-power', unit: 'W', values: streams.watts, digits: 0, invert: false });
  if (streams.altitude && hasSignal(streams.altitude)) {
    out.push({
      key: 'altitude',
      title: 'Elevation',
      color: '--c-alt',
      unit: imperial ? 'ft' : 'm',
      values: imperial ? streams.altitude.map((v) => (v == null ? null : v * 3.2808)) : streams.altitude,
      digits: 0,
      invert: false,
    });
  }
  if (streams.cadence) add({ key: 'cadence', title: 'Cadence', color: '--c-cad', unit: cadenceLabel(cadenceUnit, family), values: streams.cadence, digits: 0, invert: false });
  return out;
}

/** True when the distance stream can carry an x axis: it exists and covers some distance. */
export function canUseDistance(streams: Streams): boolean {
  const d = streams.distance;
  if (!d || !streams.time) return false;
  let max = 0;
  for (const v of d) if (typeof v === 'number' && v > max) max = v;
  return max > 0;
}

/**
 * The x value of every sample: seconds from the start, or distance in km (miles imperial). A distance axis must rise
 * monotonically: a missing sample, or a GPS step back, keeps the distance reached so far.
 */
export function xValues(streams: Streams, axis: StreamAxis, units: Units): number[] {
  const time = streams.time ?? [];
  if (axis === 'time' || !streams.distance) return time;
  const per = units === 'imperial' ? 1609.344 : 1000;
  let reached = 0;
  return time.map((_, i) => {
    const v = streams.distance![i];
    if (typeof v === 'number' && Number.isFinite(v) && v > reached) reached = v;
    return reached / per;
  });
}

/** The sample index at or after `seconds` from the start (the last sample when it is past the end). */
export function indexAtTime(time: readonly number[], seconds: number): number {
  let lo = 0;
  let hi = time.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time[mid] < seconds) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each leg's span as sample indexes [from, to), for bands over the charts. */
export function legSpans(legs: readonly ActivityLeg[], time: readonly number[]): { from: number; to: number }[] {
  return legs.map((leg, i) => {
    const from = indexAtTime(time, leg.startOffsetS ?? 0);
    const next = legs[i + 1];
    const to = next ? indexAtTime(time, next.startOffsetS ?? Infinity) : time.length - 1;
    return { from, to: Math.max(from, to) };
  });
}
