/**
 * Display formatting: durations, distances, pace and speed, elevation, dates, and the words for
 * sports, load methods and form zones. Units follow the athlete's profile (metric or imperial).
 */
import type { Units } from './api/settings';
import { browserLocale } from './locale';

export const DASH = '—';
const MINUS = '\u2212';
const M_PER_MILE = 1609.344;
const M_PER_YARD = 0.9144;
const FT_PER_M = 3.280839895;

// Numbers and dates are written the way the browser's language writes them ("1,234.5" or "1.234,5"); the units
// stay the athlete's choice. Formatters are made once per language and number of decimals.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(digits: number): Intl.NumberFormat {
  const locale = browserLocale();
  const key = `n${digits}|${locale}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = browserLocale();
  const key = `d${name}|${locale}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** Whether v shows as zero with this many decimals (so it gets no sign). */
function roundsToZero(v: number, digits: number): boolean {
  return Math.abs(v) < 0.5 * 10 ** -digits;
}

function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A number with grouping and a real minus sign; "—" when missing. */
export function formatNumber(v: number | null | undefined, digits = 0): string {
  if (!isNum(v)) return DASH;
  const s = numberFormat(digits).format(Math.abs(v));
  // Avoid "−0" for values that round to zero.
  return v < 0 && !roundsToZero(v, digits) ? MINUS + s : s;
}

/** With an explicit sign: "+5", "−12", "0". */
export function formatSigned(v: number | null | undefined, digits = 0): string {
  if (!isNum(v)) return DASH;
  const s = formatNumber(v, digits);
  return v > 0 && !roundsToZero(v, digits) ? `+${s}` : s;
}

/** "1:02:03" or "45:07" (clock style, for tables) from seconds. */
export function formatClock(seconds: number | null | undefined): string {
  if (!isNum(seconds) || seconds < 0) return DASH;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "1 h 05 min", "45 min", "40 s" (words, for cards). */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isNum(seconds) || seconds < 0) return DASH;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const minutes = Math.round(total / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}

/** Distance in km or miles (swims in m or yd). */
export function formatDistance(
  meters: number | null | undefined,
  units: Units = 'metric',
  sportFamily?: string,
): string {
  if (!isNum(meters)) return DASH;
  if (sportFamily === 'swim') {
    return units === 'imperial'
      ? `${formatNumber(meters / M_PER_YARD)} yd`
      : `${formatNumber(meters)} m`;
  }
  const value = units === 'imperial' ? meters / M_PER_MILE : meters / 1000;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${formatNumber(value, digits)} ${units === 'imperial' ? 'mi' : 'km'}`;
}

/** Elevation in m or ft. */
export function formatElevation(meters: number | null | undefined, units: Units = 'metric'): string {
  if (!isNum(meters)) return DASH;
  return units === 'imperial' ? `${formatNumber(meters * FT_PER_M)} ft` : `${formatNumber(meters)} m`;
}

/** Pace as m:ss per km or mile (per 100 m or 100 yd for swims). */
export function formatPace(mps: number | null | undefined, units: Units = 'metric', sportFamily?: string): string {
  if (!isNum(mps) || mps <= 0) return DASH;
  let per: number;
  let label: string;
  if (sportFamily === 'swim') {
    per = units === 'imperial' ? 100 * M_PER_YARD : 100;
    label = units === 'imperial' ? '/100 yd' : '/100 m';
  } else {
    per = units === 'imperial' ? M_PER_MILE : 1000;
    label = units === 'imperial' ? '/mi' : '/km';
  }
  const seconds = Math.round(per / mps);
  if (seconds >= 100 * 60) return DASH;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} ${label}`;
}

/** Speed in km/h or mph. */
export function formatSpeed(mps: number | null | undefined, units: Units = 'metric'): string {
  if (!isNum(mps)) return DASH;
  return units === 'imperial' ? `${formatNumber(mps * 2.2369362921, 1)} mph` : `${formatNumber(mps * 3.6, 1)} km/h`;
}

/** Pace for foot sports and swims, speed for everything else. */
export function formatPaceOrSpeed(mps: number | null | undefined, units: Units, sportFamily: string): string {
  return sportFamily === 'run' || sportFamily === 'walk' || sportFamily === 'swim'
    ? formatPace(mps, units, sportFamily)
    : formatSpeed(mps, units);
}

/** Converts meters to the display unit's distance (km or mi) for charts. */
export function distanceIn(meters: number, units: Units): number {
  return units === 'imperial' ? meters / M_PER_MILE : meters / 1000;
}

/** The unit a distance is shown and typed in: km or mi, swims m or yd (as formatDistance shows them). */
export function distanceUnit(units: Units, sportFamily?: string): string {
  if (sportFamily === 'swim') return units === 'imperial' ? 'yd' : 'm';
  return units === 'imperial' ? 'mi' : 'km';
}

/** Meters in one {@link distanceUnit}: what a typed distance is multiplied by. */
export function metersPerDistanceUnit(units: Units, sportFamily?: string): number {
  if (sportFamily === 'swim') return units === 'imperial' ? M_PER_YARD : 1;
  return units === 'imperial' ? M_PER_MILE : 1000;
}

// Dates. Local date-times from the server have no offset ("2026-11-24T07:30:00"): they are
// shown as they are, in the activity's own time zone, never shifted by the browser's.

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
}

function parts(local: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(local);
  if (!m) return null;
  return { y: +m[1], mo: +m[2], d: +m[3], h: m[4] ? +m[4] : 0, mi: m[5] ? +m[5] : 0 };
}

/** The wall-clock parts as an instant read back in UTC, so the browser's own zone never shifts them. */
function wall(p: Parts): Date {
  return new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi));
}

/** "Mon, 31 Mar 2026" (en-GB), "Mon, Mar 31, 2026" (en-US), "Mo., 31. März 2026" (de-DE). */
export function formatDate(local: string | null | undefined): string {
  const p = local ? parts(local) : null;
  if (!p) return DASH;
  return dateFormat('date', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(wall(p));
}

/** "31 Mar" (this year) or "31 Mar 2025", in the browser's language. */
export function formatShortDate(local: string | null | undefined, thisYear = new Date().getFullYear()): string {
  const p = local ? parts(local) : null;
  if (!p) return DASH;
  return p.y === thisYear
    ? dateFormat('short', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(wall(p))
    : dateFormat('shortYear', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(wall(p));
}

/** "07:30". */
export function formatTime(local: string | null | undefined): string {
  const p = local ? parts(local) : null;
  if (!p || !local || local.length < 16) return '';
  return dateFormat('time', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(wall(p));
}

/** "Mon, 31 Mar 2026, 07:30" (en-GB). */
export function formatDateTime(local: string | null | undefined): string {
  const t = formatTime(local);
  const d = formatDate(local);
  return t ? `${d}, ${t}` : d;
}

/** An instant (with offset) in the browser's zone: "24 Nov 2026, 07:30". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  return dateFormat('instant', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** How long ago an instant was: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return DASH;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return DASH;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / 86400);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** YYYY-MM-DD of a Date in the browser's zone. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** YYYY-MM-DD, n days before the given YYYY-MM-DD. */
export function daysBefore(iso: string, n: number): string {
  const p = parts(iso);
  if (!p) return iso;
  const d = new Date(Date.UTC(p.y, p.mo - 1, p.d - n));
  return d.toISOString().slice(0, 10);
}

// Words

const SPORT_WORDS: Record<string, string> = {
  HighIntensityIntervalTraining: 'HIIT',
  EBikeRide: 'E-bike ride',
  EMountainBikeRide: 'E-mountain bike ride',
  WeightTraining: 'Weight training',
  StandUpPaddling: 'Stand-up paddling',
};

/** "TrailRun" → "Trail run". */
export function sportLabel(sportType: string | null | undefined): string {
  if (!sportType) return 'Activity';
  if (SPORT_WORDS[sportType]) return SPORT_WORDS[sportType];
  const words = sportType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FAMILY_WORDS: Record<string, string> = {
  run: 'Run',
  ride: 'Ride',
  swim: 'Swim',
  walk: 'Walk & hike',
  row: 'Paddle & row',
  ski: 'Ski',
  strength: 'Strength',
  multisport: 'Multisport',
  other: 'Other',
};

/** The families an activity can have, for filters. "transition" is only ever a leg of a multisport activity. */
export const SPORT_FAMILIES = Object.keys(FAMILY_WORDS);

const LEG_FAMILY_WORDS: Record<string, string> = { ...FAMILY_WORDS, transition: 'Transition' };

export function familyLabel(family: string | null | undefined): string {
  if (!family) return FAMILY_WORDS.other;
  return LEG_FAMILY_WORDS[family] ?? sportLabel(family);
}

const METHOD_WORDS: Record<string, string> = {
  power: 'Power',
  heart_rate: 'Heart rate',
  hrss: 'Heart rate',
  rpe: 'Effort (RPE)',
  history: 'Your typical load',
  manual: 'Set by you',
  override: 'Set by you',
  none: 'No data',
};

/** How a load was measured, in words. */
export function loadMethodLabel(method: string | null | undefined): string {
  if (!method) return DASH;
  return METHOD_WORDS[method.toLowerCase()] ?? sportLabel(method.toLowerCase());
}

const SOURCE_WORDS: Record<string, string> = {
  file: 'Device file',
  strava_export: 'Strava export',
  strava: 'Strava',
  manual: 'Manual entry',
  demo: 'Demo',
};

export function sourceLabel(source: string | null | undefined): string {
  if (!source) return DASH;
  return SOURCE_WORDS[source] ?? source;
}

const SOURCE_NOUNS: Record<string, string> = {
  file: 'device file',
  strava_export: 'Strava export',
  strava: 'Strava API',
  manual: 'manual entry',
  demo: 'demo',
};

/** The source inside a sentence ("this Strava API copy"), with the server's wording and Strava's capital. */
export function sourceNoun(source: string | null | undefined): string {
  if (!source) return 'other';
  return SOURCE_NOUNS[source] ?? source;
}

/**
 * The athlete's own say about how this copy is grouped, as a sentence; null when the server grouped it on its own.
 * "separate": split off by the athlete, never merged again; "lead": chosen by the athlete to represent its workout.
 */
export function mergeChoiceText(choice: string | null | undefined): string | null {
  if (choice === 'separate') {
    return 'You split this copy off as not the same workout: it counts on its own and stays apart from the other copies for good.';
  }
  if (choice === 'lead') return 'You chose this copy to lead its workout: the other sources’ copies are merged into it.';
  return null;
}

const ZONE_WORDS: Record<string, string> = {
  transition: 'Very fresh',
  fresh: 'Fresh',
  neutral: 'Neutral',
  optimal: 'Productive',
  overload: 'Overload',
};

/** A short name for a form zone. */
export function zoneLabel(zone: string | null | undefined): string {
  if (!zone) return DASH;
  return ZONE_WORDS[zone] ?? zone;
}

// Analysis: duration curves, pace stored as seconds per km, thresholds.

/**
 * A duration in the short form of a curve's axis and tables: "1s", "30s", "1m", "1m30", "20m", "1h", "1h30".
 * Seconds are kept only under 10 minutes, where they matter.
 */
export function formatCurveDuration(seconds: number | null | undefined): string {
  if (!isNum(seconds) || seconds <= 0) return DASH;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest && s < 600 ? `${m}m${String(rest).padStart(2, '0')}` : `${Math.round(s / 60)}m`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h}h${String(m).padStart(2, '0')}` : `${h}h`;
}

/** A duration in words for readouts: "5 seconds", "1 minute", "20 minutes", "1 hour 30 minutes". */
export function formatCurveDurationWords(seconds: number | null | undefined): string {
  if (!isNum(seconds) || seconds <= 0) return DASH;
  const s = Math.round(seconds);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return plural(s, 'second');
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${plural(m, 'minute')} ${plural(rest, 'second')}` : plural(m, 'minute');
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${plural(h, 'hour')} ${plural(m, 'minute')}` : plural(h, 'hour');
}

/** Pace stored as seconds per km, shown per km or mile (per 100 m or 100 yd for swims): "4:30 /km". */
export function formatPaceSeconds(
  secondsPerKm: number | null | undefined,
  units: Units = 'metric',
  sportFamily?: string,
): string {
  if (!isNum(secondsPerKm) || secondsPerKm <= 0) return DASH;
  return formatPace(1000 / secondsPerKm, units, sportFamily);
}

/** "min/km", "min/mi", "min/100 m" or "min/100 yd": the unit of a pace axis. */
export function paceUnit(units: Units = 'metric', sportFamily?: string): string {
  if (sportFamily === 'swim') return units === 'imperial' ? 'min/100 yd' : 'min/100 m';
  return units === 'imperial' ? 'min/mi' : 'min/km';
}

/** Seconds per km as the seconds per display distance (km, mile, 100 m or 100 yd), for a pace axis. */
export function paceIn(secondsPerKm: number, units: Units = 'metric', sportFamily?: string): number {
  if (sportFamily === 'swim') return (secondsPerKm / 10) * (units === 'imperial' ? M_PER_YARD : 1);
  return units === 'imperial' ? (secondsPerKm * M_PER_MILE) / 1000 : secondsPerKm;
}

/** "4:05" from seconds, for pace axes (no unit). */
export function formatMinSec(seconds: number | null | undefined): string {
  if (!isNum(seconds) || seconds < 0) return DASH;
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** A curve metric's value with its unit: "812 W", "182 bpm", "4:30 /km", "42.1 km/h". */
export function formatCurveValue(
  metric: string,
  value: number | null | undefined,
  units: Units = 'metric',
  sportFamily?: string,
): string {
  if (!isNum(value)) return DASH;
  switch (metric) {
    case 'power':
      return `${formatNumber(value)} W`;
    case 'hr':
    case 'heartRate':
      return `${formatNumber(value)} bpm`;
    case 'pace':
      return formatPaceSeconds(value, units, sportFamily);
    case 'speed':
      return formatSpeed(value, units);
    default:
      return formatNumber(value, 1);
  }
}

/** A share 0..1 as "42 %". */
export function formatShare(share: number | null | undefined): string {
  if (!isNum(share)) return DASH;
  return `${formatNumber(share * 100)} %`;
}

/** Joules as "20.5 kJ". */
export function formatKilojoules(joules: number | null | undefined): string {
  if (!isNum(joules)) return DASH;
  return `${formatNumber(joules / 1000, 1)} kJ`;
}

/** Weight in kg or lb. */
export function formatWeight(kg: number | null | undefined, units: Units = 'metric'): string {
  if (!isNum(kg)) return DASH;
  return units === 'imperial' ? `${formatNumber(kg * 2.2046226218, 1)} lb` : `${formatNumber(kg, 1)} kg`;
}

const THRESHOLD_WORDS: Record<string, string> = {
  ftp: 'FTP',
  lthr: 'Threshold heart rate (LTHR)',
  max_hr: 'Max heart rate',
  resting_hr: 'Resting heart rate',
  threshold_pace: 'Threshold pace',
  weight: 'Weight',
};

/** The name of a threshold kind. */
export function thresholdLabel(kind: string): string {
  return THRESHOLD_WORDS[kind] ?? kind;
}

/** A threshold's value with its unit: "265 W", "170 bpm", "4:30 /km", "71.5 kg". */
export function formatThreshold(kind: string, value: number | null | undefined, units: Units = 'metric'): string {
  if (!isNum(value)) return DASH;
  switch (kind) {
    case 'ftp':
      return `${formatNumber(value)} W`;
    case 'lthr':
    case 'max_hr':
    case 'resting_hr':
      return `${formatNumber(value)} bpm`;
    case 'threshold_pace':
      return formatPaceSeconds(value, units);
    case 'weight':
      return formatWeight(value, units);
    default:
      return formatNumber(value, 1);
  }
}

/** Efficiency factor: NP per beat for rides with power ("1.62 W/bpm"), metres per minute per beat otherwise. */
export function formatEfficiency(ef: number | null | undefined, basis: 'power' | 'speed'): string {
  if (!isNum(ef)) return DASH;
  return basis === 'power' ? `${formatNumber(ef, 2)} W/bpm` : `${formatNumber(ef * 60, 2)} m/min per bpm`;
}

/** A percentage with one decimal: "4.2 %", "−1.3 %". */
export function formatPercent(v: number | null | undefined): string {
  if (!isNum(v)) return DASH;
  return `${formatNumber(v, 1)} %`;
}
