import { describe, expect, it } from 'vitest';
import {
  formatCurveDuration,
  formatCurveDurationWords,
  formatCurveValue,
  formatEfficiency,
  formatKilojoules,
  formatMinSec,
  formatPaceSeconds,
  formatPercent,
  formatShare,
  formatThreshold,
  paceIn,
  paceUnit,
  thresholdLabel,
} from './format';

describe('curve durations', () => {
  it('labels the axis ticks athletes read curves by', () => {
    expect([1, 5, 15, 30, 60, 120, 300, 1200, 3600, 7200, 21600].map(formatCurveDuration)).toEqual([
      '1s', '5s', '15s', '30s', '1m', '2m', '5m', '20m', '1h', '2h', '6h',
    ]);
  });

  it('keeps seconds under ten minutes and minutes over an hour', () => {
    expect(formatCurveDuration(90)).toBe('1m30');
    expect(formatCurveDuration(5400)).toBe('1h30');
    expect(formatCurveDuration(2700)).toBe('45m');
    expect(formatCurveDuration(0)).toBe('—');
    expect(formatCurveDuration(null)).toBe('—');
  });

  it('says durations in words for readouts', () => {
    expect(formatCurveDurationWords(1)).toBe('1 second');
    expect(formatCurveDurationWords(1200)).toBe('20 minutes');
    expect(formatCurveDurationWords(90)).toBe('1 minute 30 seconds');
    expect(formatCurveDurationWords(5400)).toBe('1 hour 30 minutes');
  });
});

describe('pace from seconds per km', () => {
  it('shows min/km in metric units', () => {
    expect(formatPaceSeconds(270)).toBe('4:30 /km');
    expect(formatPaceSeconds(300, 'metric')).toBe('5:00 /km');
  });

  it('shows min/mile in imperial units', () => {
    // 300 s/km × 1.609344 = 482.8 s per mile
    expect(formatPaceSeconds(300, 'imperial')).toBe('8:03 /mi');
  });

  it('shows swims per 100 m or 100 yd', () => {
    expect(formatPaceSeconds(1000, 'metric', 'swim')).toBe('1:40 /100 m');
    expect(formatPaceSeconds(1000, 'imperial', 'swim')).toBe('1:31 /100 yd');
  });

  it('leaves out what is not a pace', () => {
    expect(formatPaceSeconds(0)).toBe('—');
    expect(formatPaceSeconds(null)).toBe('—');
    expect(formatPaceSeconds(Number.NaN)).toBe('—');
  });

  it('converts pace for an axis', () => {
    expect(paceIn(300, 'metric')).toBe(300);
    expect(paceIn(300, 'imperial')).toBeCloseTo(482.8, 1);
    expect(paceIn(1000, 'metric', 'swim')).toBe(100);
    expect(paceUnit('imperial')).toBe('min/mi');
    expect(paceUnit('metric', 'swim')).toBe('min/100 m');
    expect(formatMinSec(482.8)).toBe('8:03');
  });
});

describe('curve values and thresholds', () => {
  it('formats each metric with its unit', () => {
    expect(formatCurveValue('power', 812.4)).toBe('812 W');
    expect(formatCurveValue('hr', 181.6)).toBe('182 bpm');
    expect(formatCurveValue('heartRate', 150)).toBe('150 bpm');
    expect(formatCurveValue('pace', 240, 'metric')).toBe('4:00 /km');
    expect(formatCurveValue('pace', 240, 'imperial')).toBe('6:26 /mi');
    expect(formatCurveValue('speed', 10, 'metric')).toBe('36.0 km/h');
    expect(formatCurveValue('power', null)).toBe('—');
  });

  it('formats thresholds by kind in the athlete’s units', () => {
    expect(thresholdLabel('ftp')).toBe('FTP');
    expect(formatThreshold('ftp', 265)).toBe('265 W');
    expect(formatThreshold('lthr', 170)).toBe('170 bpm');
    expect(formatThreshold('threshold_pace', 270)).toBe('4:30 /km');
    expect(formatThreshold('threshold_pace', 270, 'imperial')).toBe('7:15 /mi');
    expect(formatThreshold('weight', 71.5)).toBe('71.5 kg');
    expect(formatThreshold('weight', 71.5, 'imperial')).toBe('157.6 lb');
  });

  it('formats shares, percentages, energy and efficiency', () => {
    expect(formatShare(0.423)).toBe('42 %');
    expect(formatPercent(-1.26)).toBe('−1.3 %');
    expect(formatKilojoules(20500)).toBe('20.5 kJ');
    expect(formatEfficiency(1.624, 'power')).toBe('1.62 W/bpm');
    expect(formatEfficiency(0.02, 'speed')).toBe('1.20 m/min per bpm');
  });
});
