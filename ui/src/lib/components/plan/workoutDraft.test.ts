import { describe, expect, it } from 'vitest';
import { bodyOf, type PlannedWorkout } from '../../api/plan';
import { draftOf, emptyWorkout, errorKeyOf, newStep, parseHoursMinutes, workoutBody, type StepDraft } from './workoutDraft';

const step = (over: Partial<StepDraft>): StepDraft => ({ ...newStep('work'), ...over });

describe('the planned-workout form', () => {
  it('reads the duration as h:mm or bare minutes', () => {
    expect(parseHoursMinutes('1:30')).toBe(5400);
    expect(parseHoursMinutes('45')).toBe(2700);
    expect(parseHoursMinutes('1:75')).toBeNull();
    expect(parseHoursMinutes('soon')).toBeNull();
  });

  it("turns the steps into the contract's JSON: a warm-up, a repeat with its child steps, pace as seconds per km", () => {
    const d = {
      ...emptyWorkout('2026-12-09', 'Run'),
      title: 'Intervals',
      duration: '1:05',
      distance: '12.5',
      intensityType: 'rpe' as const,
      intensityValue: '7',
      steps: [
        step({ type: 'warmup', duration: '15:00', targetType: 'hr_zone', low: '2', high: '' }),
        step({
          type: 'repeat',
          count: '5',
          steps: [
            step({ type: 'work', measure: 'distance', distance: '1', targetType: 'pace', low: '4:15', high: '4:00' }),
            step({ type: 'recovery', duration: '2:00', targetType: '' }),
          ],
        }),
        step({ type: 'cooldown', duration: '10', targetType: 'lthr_percent', low: '70', high: '80' }),
      ],
    };
    const { errors, body } = workoutBody(d, 'metric');
    expect(errors).toEqual({});
    expect(body).toEqual({
      date: '2026-12-09',
      sport: 'Run',
      title: 'Intervals',
      description: null,
      durationS: 3900,
      distanceM: 12500,
      intensity: { type: 'rpe', value: 7 },
      targetLoad: null,
      steps: [
        { type: 'warmup', durationS: 900, distanceM: null, target: { type: 'hr_zone', low: 2, high: 2 } },
        {
          type: 'repeat',
          count: 5,
          steps: [
            { type: 'work', durationS: null, distanceM: 1000, target: { type: 'pace', low: 240, high: 255 } },
            { type: 'recovery', durationS: 120, distanceM: null, target: null },
          ],
        },
        { type: 'cooldown', durationS: 600, distanceM: null, target: { type: 'lthr_percent', low: 70, high: 80 } },
      ],
    });
  });

  it('reads distances and paces in miles for an imperial athlete', () => {
    const d = {
      ...emptyWorkout('2026-12-09'),
      title: 'Tempo',
      distance: '5',
      steps: [step({ measure: 'distance', distance: '1', targetType: 'pace', low: '8:00' })],
    };
    const { body } = workoutBody(d, 'imperial');
    expect(body!.distanceM).toBeCloseTo(8046.7, 1);
    expect(body!.steps![0].distanceM).toBeCloseTo(1609.3, 1);
    // 8:00 per mile is 298.3 s per km.
    expect(body!.steps![0].target!.low).toBeCloseTo(298.3, 1);
  });

  it("keys its own errors by the server's paths, and asks for a duration or distance", () => {
    const d = {
      ...emptyWorkout('2026-12-09'),
      title: '',
      steps: [step({ type: 'repeat', count: '1', steps: [step({ duration: 'x' })] })],
    };
    const { errors, body } = workoutBody(d, 'metric');
    expect(body).toBeNull();
    expect(errors).toMatchObject({
      title: expect.any(String),
      'steps[0].count': 'Repeat 2 to 50 times.',
      'steps[0].steps[0].durationS': expect.any(String),
    });
    const bare = workoutBody({ ...emptyWorkout('2026-12-09'), title: 'Easy' }, 'metric');
    expect(bare.errors.durationS).toBe('Enter a duration or a distance.');
  });

  it("takes a blank duration from the steps' total (a repeat counted as often as it runs), never from mixed steps", () => {
    const d = {
      ...emptyWorkout('2026-12-09'),
      title: 'Intervals',
      steps: [
        step({ type: 'warmup', duration: '10:00' }),
        step({ type: 'repeat', count: '4', steps: [step({ duration: '3:00' }), step({ type: 'recovery', duration: '2:00' })] }),
      ],
    };
    expect(workoutBody(d, 'metric').body).toMatchObject({ durationS: 600 + 4 * 300, distanceM: null });
    const mixed = { ...d, steps: [step({ duration: '10:00' }), step({ measure: 'distance', distance: '1' })] };
    expect(workoutBody(mixed, 'metric').errors.durationS).toBe('Enter a duration or a distance.');
  });

  it("sends a target load only when the athlete typed one, and refills an edit without the server's estimate", () => {
    const w: PlannedWorkout = {
      id: 'w1', date: '2026-12-09', sport: 'Ride', title: 'Endurance', description: 'Flat', durationS: 7200, distanceM: null,
      intensity: { type: 'hr_zone', value: 2 }, targetLoad: 95, targetLoadEstimated: true,
      steps: [{ type: 'work', durationS: 3600, distanceM: null, count: null, steps: [], target: { type: 'ftp_percent', low: 65, high: 75 } }],
      completion: null,
    };
    const d = draftOf(w, 'metric');
    expect(d).toMatchObject({ duration: '2:00', targetLoad: '', intensityType: 'hr_zone', intensityValue: '2' });
    expect(d.steps[0]).toMatchObject({ duration: '1:00:00', targetType: 'ftp_percent', low: '65', high: '75' });
    const { body } = workoutBody({ ...d, targetLoad: '120' }, 'metric');
    expect(body).toMatchObject({ targetLoad: 120, durationS: 7200 });
    // As the server takes it back: no `steps` or `count` on a step that is not a repeat.
    expect(body!.steps).toEqual([{ type: 'work', durationS: 3600, distanceM: null, target: { type: 'ftp_percent', low: 65, high: 75 } }]);
  });

  it("maps a server field to the input it names, or to the step when the form has none for it", () => {
    expect(errorKeyOf('durationS')).toBe('durationS');
    expect(errorKeyOf('intensity.value')).toBe('intensity');
    expect(errorKeyOf('steps[1].steps[0].target.low')).toBe('steps[1].steps[0].target.low');
    expect(errorKeyOf('steps[2].target')).toBe('steps[2].target.low');
    expect(errorKeyOf('steps[0].weird')).toBe('steps[0].type');
    expect(errorKeyOf('somethingElse')).toBeNull();
    expect(errorKeyOf(null)).toBeNull();
  });

  it('moves a stored workout with a body the server takes back: steps trimmed to their kind, an estimate left out', () => {
    const w: PlannedWorkout = {
      id: 'w1', date: '2026-12-09', sport: 'Run', title: 'Reps', description: null, durationS: 3000, distanceM: null,
      intensity: null, targetLoad: 70, targetLoadEstimated: true, completion: null,
      steps: [{ type: 'repeat', durationS: null, distanceM: null, count: 6, target: null,
        steps: [{ type: 'work', durationS: 60, distanceM: null, count: null, steps: [], target: null }] }],
    };
    expect(bodyOf(w, { date: '2026-12-10' })).toEqual({
      date: '2026-12-10', sport: 'Run', title: 'Reps', description: null, durationS: 3000, distanceM: null, intensity: null,
      targetLoad: null, steps: [{ type: 'repeat', count: 6, steps: [{ type: 'work', durationS: 60, distanceM: null, target: null }] }],
    });
  });
});
