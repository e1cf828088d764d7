import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, hasErrors, passwordLength, validateLogin, validateSetup } from './validation';

const ok = { email: 'ana@example.com', password: 'correct horse', confirm: 'correct horse' };

describe('validateSetup', () => {
  it('accepts a valid form', () => {
    expect(validateSetup(ok)).toEqual({});
    expect(hasErrors(validateSetup(ok))).toBe(false);
  });

  it('requires a plausible email', () => {
    expect(validateSetup({ ...ok, email: '  ' }).email).toBe('Enter your email address.');
    expect(validateSetup({ ...ok, email: 'ana' }).email).toMatch(/name@example.com/);
    expect(validateSetup({ ...ok, email: ' ana@example.com ' }).email).toBeUndefined();
  });

  it(`requires at least ${MIN_PASSWORD_LENGTH} characters`, () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    const nine = '123456789';
    expect(validateSetup({ ...ok, password: nine, confirm: nine }).password).toBe('Use at least 10 characters.');
    const ten = '1234567890';
    expect(validateSetup({ ...ok, password: ten, confirm: ten }).password).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordLength('🏃🏃🏃🏃🏃')).toBe(5);
    const emoji = '🏃'.repeat(9);
    expect(validateSetup({ ...ok, password: emoji, confirm: emoji }).password).toBeDefined();
  });

  it('requires the confirmation to match', () => {
    expect(validateSetup({ ...ok, confirm: '' }).confirm).toBe('Type the password again.');
    expect(validateSetup({ ...ok, confirm: 'correct horsE' }).confirm).toBe('The passwords do not match.');
  });
});

describe('validateLogin', () => {
  it('needs an email and any password (the server judges it)', () => {
    expect(validateLogin({ email: 'ana@example.com', password: 'short' })).toEqual({});
    expect(validateLogin({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });
});
