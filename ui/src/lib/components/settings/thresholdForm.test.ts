import { describe, expect, it } from 'vitest';
import { errorField, shownValue, storedValue, thresholdUnit, validDate } from './thresholdForm';

describe('threshold form values', () => {
  it('reads watts and beats as whole numbers', () => {
    expect(storedValue('ftp', '265', 'metric')).toEqual({ value: 265 });
    expect(storedValue('lthr', ' 170.4 ', 'metric')).toEqual({ value: 170 });
    expect(storedValue('ftp', '', 'metric')).toEqual({ error: 'Enter a value.' });
    expect(storedValue('ftp', '-5', 'metric')).toEqual({ error: 'Enter a positive number.' });
  });

  it('reads pace as min:s per km or per mile, stored in s per km', () => {
    expect(storedValue('threshold_pace', '4:30', 'metric')).toEqual({ value: 270 });
    expect(storedValue('threshold_pace', '7:15', 'imperial')).toEqual({ value: 270 });
    expect(storedValue('threshold_pace', '270', 'metric')).toHaveProperty('error');
    expect(shownValue('threshold_pace', 270, 'metric')).toBe('4:30');
    expect(shownValue('threshold_pace', 270, 'imperial')).toBe('7:15');
    expect(thresholdUnit('threshold_pace', 'imperial')).toBe('min:s per mile');
  });

  it('reads weight in kg or lb, stored in kg', () => {
    expect(storedValue('weight', '71,5', 'metric')).toEqual({ value: 71.5 });
    expect(storedValue('weight', '157.6', 'imperial')).toEqual({ value: 71.5 });
    expect(shownValue('weight', 71.5, 'imperial')).toBe('157.6');
  });

  it('checks dates and places server errors on their field', () => {
    expect(validDate('2026-03-01')).toBe(true);
    expect(validDate('2026-02-30')).toBe(false);
    expect(validDate('')).toBe(false);
    expect(errorField(422, 'value')).toBe('value');
    expect(errorField(409, null)).toBe('validFrom');
    expect(errorField(422, 'other')).toBeNull();
  });
});
