import { api, withQuery, type RequestOptions } from './client';

/** How an activity's load was measured (lower case, as the server names them). */
export type LoadMethod = 'override' | 'power' | 'hrss' | 'rpe' | 'history' | 'none' | string;

/** Where an activity came from: device file, Strava export, Strava API, manual entry, demo data. */
export type Source = 'file' | 'strava_export' | 'strava' | 'manual' | 'demo' | string;

/** A sport family; "multisport" for a triathlon, duathlon or other race of legs, "transition" only for a leg. */
export type SportFamily =
  | 'run'
  | 'ride'
  | 'swim'
  | 'walk'
  | 'row'
  | 'ski'
  | 'strength'
  | 'other'
  | 'multisport'
  | 'transition'
  | string;

/** A row of the activity list. Times are ISO strings; startDateLocal has no offset. */
export interface ActivitySummary {
  id: string;
  source: Source;
  sportType: string;
  sportFamily: SportFamily;
  name: string | null;
  startDate: string;
  startDateLocal: string;
  timeZone: string | null;
  movingTimeS: number | null;
  elapsedTimeS: number | null;
  distanceM: number | null;
  elevationGainM: number | null;
  avgHr: number | null;
  maxHr: number | null;
  avgPowerW: number | null;
  weightedPowerW: number | null;
  rpe: number | null;
  trainer: boolean;
  commute: boolean;
  manual: boolean;
  load: number | null;
  loadMethod: LoadMethod | null;
  loadEstimated: boolean;
}

/** Another source's copy of the same workout, merged into this activity. */
export interface LinkedCopy {
  id: string;
  source: Source;
  /** Why it was merged, as a sentence ("Same ride workout as the device file copy: starts 40 s apart, …"). */
  reason: string | null;
  /** When it was merged (ISO instant); null for merges recorded before reasons were kept. */
  mergedAt: string | null;
}

/** The athlete's own say about grouping: split off for good, or chosen to lead its group. */
export type MergeChoice = 'separate' | 'lead';

/** One leg of a multisport activity; sportType "Transition" (family "transition") for a changeover. */
export interface ActivityLeg {
  sportType: string;
  sportFamily: SportFamily;
  /** Seconds from the activity's start to the leg's. */
  startOffsetS: number | null;
  elapsedTimeS: number | null;
  movingTimeS: number | null;
  distanceM: number | null;
  avgHr: number | null;
  maxHr: number | null;
  avgPowerW: number | null;
  normalizedPowerW: number | null;
}

export interface Activity extends ActivitySummary {
  externalId: string | null;
  description: string | null;
  notes: string | null;
  deviceWatts: boolean | null;
  kilojoules: number | null;
  /** In cadenceUnit: a run's or walk's in steps per minute (the server doubles the recorded strides). */
  avgCadence: number | null;
  /** Absent from older servers. */
  cadenceUnit?: CadenceUnit;
  avgSpeedMps: number | null;
  maxSpeedMps: number | null;
  calories: number | null;
  /** The name of the file it was imported from; null for Strava API copies, manual entries and older imports. */
  fileName?: string | null;
  summaryPolyline: string | null;
  computedLoad: number | null;
  loadOverride: number | null;
  createdAt: string;
  updatedAt: string;
  /** Set when this is another source's copy merged into that activity. */
  primaryActivityId: string | null;
  /** Copies merged into this one, best first. */
  merged: LinkedCopy[] | null;
  /** Why this copy is merged into primaryActivityId (null unless it is). */
  mergeReason: string | null;
  /** Since when this copy is merged (ISO instant). */
  mergedAt: string | null;
  mergeChoice: MergeChoice | null;
  /** The legs of a multisport activity, in order; null for one sport throughout. */
  legs: ActivityLeg[] | null;
}

export type ActivitySort = 'date_desc' | 'date_asc' | 'load_desc' | 'distance_desc' | 'duration_desc';

export interface ActivityQuery {
  limit?: number;
  offset?: number;
  cursor?: string;
  /** A sport type or family. */
  sport?: string;
  /** Local dates, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  text?: string;
  sort?: ActivitySort;
}

export interface ActivityPage {
  items: ActivitySummary[];
  total: number;
  limit: number;
  offset: number | null;
  nextCursor: string | null;
}

export interface ActivityPatch {
  rpe?: number | null;
  notes?: string | null;
  loadOverride?: number | null;
  sportType?: string;
  name?: string | null;
}

/** Sample arrays by type; only what the activity recorded is present. */
export interface Streams {
  time?: number[];
  distance?: number[];
  latlng?: ([number, number] | null)[];
  altitude?: (number | null)[];
  velocity_smooth?: (number | null)[];
  heartrate?: (number | null)[];
  cadence?: (number | null)[];
  watts?: (number | null)[];
  moving?: boolean[];
}

/** The unit of served cadence samples: the server doubles run and walk strides into steps; "per leg" for multisport. */
export type CadenceUnit = 'steps/min' | 'rpm' | 'strokes/min' | 'per leg';

export interface StreamSet {
  activityId: string;
  /** Absent from older servers, whose run cadence was strides per minute. */
  cadenceUnit?: CadenceUnit;
  /** null when the activity has none (a manual entry, a file without samples). */
  streams: Streams | null;
  /** Positions inside the athlete's privacy zones are served as null unless asked with ?privacy=off. */
  privacy?: StreamPrivacy;
}

export interface StreamPrivacy {
  /** How many positions a privacy zone hides (null in latlng). */
  hiddenPoints: number;
  /** Whether the zones were applied to this answer (false with ?privacy=off). */
  applied: boolean;
}

export interface Thresholds {
  sex: string;
  maxHr: number;
  maxHrEstimated: boolean;
  restingHr: number;
  restingHrEstimated: boolean;
  lthr: number;
  lthrEstimated: boolean;
  ftpW: number | null;
  ftpEstimated: boolean;
}

export type FormZone = 'transition' | 'fresh' | 'neutral' | 'optimal' | 'overload';

/** GET /api/activities/stats: today's numbers from the stored chart. */
export interface LoadStats {
  date: string;
  ctl: number;
  atl: number;
  /** Form at the start of today. */
  tsb: number;
  tsbAfter: number;
  ramp: number;
  zone: FormZone;
  zoneMeaning: string;
  formPct: number | null;
  monotony: number | null;
  strain: number | null;
  acwr: number | null;
  warmingUp: boolean;
  firstActivity: string | null;
  thresholds: Thresholds;
  methodMix: { method: string; activities: number; load: number }[];
}

export function listActivities(query: ActivityQuery = {}, options?: RequestOptions): Promise<ActivityPage> {
  return api.get<ActivityPage>(withQuery('/api/activities', { ...query }), options);
}

export function getActivity(id: string, options?: RequestOptions): Promise<Activity> {
  return api.get<Activity>(`/api/activities/${encodeURIComponent(id)}`, options);
}

export function patchActivity(id: string, patch: ActivityPatch): Promise<Activity> {
  return api.patch<Activity>(`/api/activities/${encodeURIComponent(id)}`, patch);
}

export function deleteActivity(id: string): Promise<{ ok: boolean }> {
  return api.delete<{ ok: boolean }>(`/api/activities/${encodeURIComponent(id)}`);
}

/** A merged copy becomes the activity that represents its workout; 409 not_merged otherwise. */
export function makePrimary(id: string): Promise<Activity> {
  return api.post<Activity>(`/api/activities/${encodeURIComponent(id)}/primary`);
}

/** Splits a wrong merge: the copy counts on its own again; 409 not_merged otherwise. */
export function unmerge(id: string): Promise<Activity> {
  return api.post<Activity>(`/api/activities/${encodeURIComponent(id)}/unmerge`);
}

/** GET /api/activities/rpe-prompt: the recent activity the dashboard asks "how hard did it feel?" about. */
export interface RpePrompt {
  id: string;
  name: string | null;
  sportType: string;
  /** Local wall time without offset. */
  startDateLocal: string;
  movingTimeS: number | null;
}

/** The newest activity of the athlete's last 3 local dates with no RPE and not dismissed, or null. */
export function getRpePrompt(options?: RequestOptions): Promise<RpePrompt | null> {
  return api.get<RpePrompt | null>('/api/activities/rpe-prompt', options);
}

/** Not asked about again; the activity itself is unchanged. 404 for an unknown activity. */
export function dismissRpePrompt(id: string): Promise<{ ok: boolean }> {
  return api.post<{ ok: boolean }>(`/api/activities/${encodeURIComponent(id)}/rpe-prompt/dismiss`);
}

export function getStats(options?: RequestOptions): Promise<LoadStats> {
  return api.get<LoadStats>('/api/activities/stats', options);
}

/** `streams: null` when the activity has none; 404 for an unknown activity; 429 while Strava's budget is spent. */
export function getStreams(id: string, options?: RequestOptions & { privacyOff?: boolean }): Promise<StreamSet> {
  const path = `/api/activities/${encodeURIComponent(id)}/streams`;
  return api.get<StreamSet>(options?.privacyOff ? withQuery(path, { privacy: 'off' }) : path, options);
}

/** POST /api/activities: a session no device recorded. startLocal is "YYYY-MM-DDTHH:MM" in the athlete's zone. */
export interface ManualActivity {
  sportType: string;
  startLocal: string;
  durationS: number;
  distanceM?: number | null;
  rpe?: number | null;
  name?: string | null;
  notes?: string | null;
}

export function createActivity(body: ManualActivity): Promise<Activity> {
  return api.post<Activity>('/api/activities', body);
}
