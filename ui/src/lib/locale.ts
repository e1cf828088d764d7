/**
 * What the browser says about the athlete: the language dates and numbers are written in, and the time zone a new
 * account starts in. The words around them stay English, so plurals follow English rules.
 */

/** The browser's language ("de-DE"), or British English where there is none. */
export function browserLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';
}

/** The browser's IANA time zone ("Europe/Berlin"), or null where it does not know one. */
export function browserTimeZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && zone !== 'Etc/Unknown' ? zone : null;
  } catch {
    return null;
  }
}

const PLURALS = new Intl.PluralRules('en');

/** "1 page", "2 pages", "1 activity", "1,204 activities": the count in the browser's language, the noun in English. */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${new Intl.NumberFormat(browserLocale()).format(n)} ${PLURALS.select(n) === 'one' ? one : other}`;
}

