// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ActivityStreams from './ActivityStreams.svelte';
import type { ActivityLeg, Streams } from '../../api/activities';

const N = 601;
const time = Array.from({ length: N }, (_, i) => i);
const RUN: Streams = {
  time,
  distance: time.map((t) => t * 3),
  latlng: time.map((t) => [46 + t * 0.0001, 14.5] as [number, number]),
  heartrate: time.map((t) => 120 + Math.floor(t / 10)),
  velocity_smooth: time.map(() => 3),
  cadence: time.map(() => 170),
  watts: time.map(() => 0),
};

function values() {
  return Object.fromEntries(
    Array.from(document.querySelectorAll('figure[data-stream]')).map((f) => [
      f.getAttribute('data-stream'),
      f.querySelector('[data-testid="stream-value"]')!.textContent!.trim(),
    ]),
  );
}

// Hundreds of samples through several charts: slow on a busy machine, not stuck.
vi.setConfig({ testTimeout: 30_000 });

describe('ActivityStreams', () => {
  it('charts only the streams that hold values, with run cadence in steps per minute as served', () => {
    render(ActivityStreams, { streams: RUN, cadenceUnit: 'steps/min', family: 'run', legs: null, units: 'metric', route: RUN.latlng! });
    expect(Object.keys(values())).toEqual(['Heart rate', 'Pace', 'Cadence']);
    expect(values()['Cadence']).toBe('avg 170 · max 170 spm');
  });

  it('moves one cursor over every chart and the route marker from the keyboard, and reads the values out', async () => {
    render(ActivityStreams, { streams: RUN, cadenceUnit: 'steps/min', family: 'run', legs: null, units: 'metric', route: RUN.latlng! });
    const slider = screen.getByRole('slider', { name: 'Moment shown in the stream charts' });
    expect(document.querySelector('[data-testid="route-cursor"]')).toBeNull();
    await fireEvent.keyDown(slider, { key: 'Home' });
    await fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    // 601 samples: a step is 2 samples, Shift ten steps: 20 s in.
    expect(values()).toEqual({ 'Heart rate': '0:20 · 122 bpm', Pace: '0:20 · 5:33 /km', Cadence: '0:20 · 170 spm' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0:20, 0.06 km: Heart rate 122 bpm, Pace 5:33 /km, Cadence 170 spm');
    expect(screen.getByTestId('stream-readout').textContent).toContain('0:20');
    const marker = document.querySelector('[data-testid="route-cursor"]');
    expect(marker).not.toBeNull();
    const y20 = Number(marker!.getAttribute('cy'));
    await fireEvent.keyDown(slider, { key: 'End' });
    expect(values()['Heart rate']).toBe('10:00 · 180 bpm');
    // Northwards along the route: the marker moved up the map.
    expect(Number(document.querySelector('[data-testid="route-cursor"]')!.getAttribute('cy'))).toBeLessThan(y20);
    await fireEvent.keyDown(slider, { key: 'Escape' });
    expect(values()['Heart rate']).toMatch(/^avg/);
    expect(document.querySelector('[data-testid="route-cursor"]')).toBeNull();
  });

  it('switches the charts to a distance axis and remembers the choice', async () => {
    localStorage.removeItem('fitcoach.streamAxis');
    render(ActivityStreams, { streams: RUN, cadenceUnit: 'steps/min', family: 'run', legs: null, units: 'metric', route: null });
    await fireEvent.click(screen.getByRole('radio', { name: 'Distance' }));
    expect(localStorage.getItem('fitcoach.streamAxis')).toBe('distance');
    const slider = screen.getByRole('slider');
    await fireEvent.keyDown(slider, { key: 'End' });
    expect(values()['Heart rate']).toBe('1.8 km · 180 bpm');
    await fireEvent.click(screen.getByRole('radio', { name: 'Time' }));
    expect(localStorage.getItem('fitcoach.streamAxis')).toBe('time');
    expect(values()['Heart rate']).toBe('10:00 · 180 bpm');
  });

  it('offers no distance axis without a distance stream', () => {
    render(ActivityStreams, { streams: { time, heartrate: RUN.heartrate }, family: 'ride', legs: null, units: 'metric', route: null });
    expect(screen.queryByRole('radio', { name: 'Distance' })).toBeNull();
  });

  it('shows a multisport activity’s legs over the charts; choosing one puts the cursor at its start', async () => {
    const leg = (sportType: string, sportFamily: string, startOffsetS: number, elapsedTimeS: number, distanceM: number | null) =>
      ({ sportType, sportFamily, startOffsetS, elapsedTimeS, movingTimeS: elapsedTimeS, distanceM, avgHr: null, maxHr: null, avgPowerW: null, normalizedPowerW: null }) as ActivityLeg;
    const legs = [leg('Ride', 'ride', 0, 300, 900), leg('Transition', 'transition', 300, 60, null), leg('Run', 'run', 360, 241, 720)];
    render(ActivityStreams, { streams: RUN, cadenceUnit: 'per leg', family: 'multisport', legs, units: 'metric', route: null });
    const strip = screen.getByRole('list', { name: /Legs/ });
    const buttons = within(strip).getAllByRole('button');
    expect(buttons.map((b) => b.textContent!.trim())).toEqual([
      'Ride, starts at 0:00:00, 0:05:00, 0.90 km Ride',
      'Transition T1, starts at 0:05:00, 0:01:00, — T1',
      'Run, starts at 0:06:00, 0:04:01, 0.72 km Run',
    ]);
    await fireEvent.click(buttons[2]);
    expect(values()['Heart rate']).toBe('6:00 · 156 bpm');
    expect(screen.getByTestId('stream-readout').textContent).toContain('Run');
    expect(values()['Cadence']).toBe('6:00 · 170 /min');
  });
});
