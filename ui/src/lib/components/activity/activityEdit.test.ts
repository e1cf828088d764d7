import { describe, expect, it } from 'vitest';
import type { Activity } from '../../api/activities';
import { draftOf, editFieldOf, undoPatch, validateEdit } from './activityEdit';

const A = {
  id: 'a1',
  name: 'Hill repeats',
  sportType: 'Run',
  rpe: null,
  loadOverride: null,
  notes: null,
} as unknown as Activity;

describe('validateEdit', () => {
  it('sends only what changed', () => {
    expect(validateEdit(A, draftOf(A)).patch).toEqual({});
    const d = { ...draftOf(A), name: 'Track', rpe: '7' };
    expect(validateEdit(A, d)).toEqual({ errors: {}, patch: { name: 'Track', rpe: 7 } });
  });

  it('clears a name, an override or notes left empty', () => {
    const a = { ...A, loadOverride: 120, notes: 'windy' } as Activity;
    const d = { ...draftOf(a), name: '  ', loadOverride: '', notes: ' ' };
    expect(validateEdit(a, d).patch).toEqual({ name: null, loadOverride: null, notes: null });
  });

  it('applies the server’s limits', () => {
    const d = { ...draftOf(A), name: 'n'.repeat(201), sportType: 'Quidditch', loadOverride: '1000.5', notes: 'x'.repeat(2001) };
    const { errors, patch } = validateEdit(A, d);
    expect(Object.keys(errors).sort()).toEqual(['loadOverride', 'name', 'notes', 'sportType']);
    expect(patch).toEqual({});
    expect(validateEdit(A, { ...draftOf(A), loadOverride: '-1' }).errors.loadOverride).toMatch(/0 to 1000/);
    expect(validateEdit(A, { ...draftOf(A), loadOverride: 'abc' }).errors.loadOverride).toMatch(/0 to 1000/);
    expect(validateEdit(A, { ...draftOf(A), loadOverride: '87,5' }).patch).toEqual({ loadOverride: 87.5 });
  });
});

describe('undoPatch', () => {
  it('holds the previous value of each field the patch sets', () => {
    const a = { ...A, rpe: 5 } as Activity;
    expect(undoPatch(a, { name: 'Track', rpe: 7, loadOverride: 100 })).toEqual({ name: 'Hill repeats', rpe: 5, loadOverride: null });
  });
});

describe('editFieldOf', () => {
  it('knows the editor’s fields only', () => {
    expect(editFieldOf('loadOverride')).toBe('loadOverride');
    expect(editFieldOf('startLocal')).toBeNull();
  });
});
