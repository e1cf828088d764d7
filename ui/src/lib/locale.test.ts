import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZone, countOf } from './locale';

describe('counts', () => {
  it('puts one thing in the singular and every other count in the plural', () => {
    expect(countOf(1, 'page')).toBe('1 page');
    expect(countOf(0, 'page')).toBe('0 pages');
    expect(countOf(2, 'page')).toBe('2 pages');
    expect(countOf(1, 'activity', 'activities')).toBe('1 activity');
    expect(countOf(1204, 'activity', 'activities')).toBe('1,204 activities');
  });
});

describe('the browser’s time zone', () => {
  afterEach(() => vi.restoreAllMocks());
  const real = Intl.DateTimeFormat().resolvedOptions();

  it('is the zone Intl resolves', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ ...real, timeZone: 'Europe/Berlin' });
    expect(browserTimeZone()).toBe('Europe/Berlin');
  });
  it('is none where the browser does not know it', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ ...real, timeZone: 'Etc/Unknown' });
    expect(browserTimeZone()).toBeNull();
  });
});
