import { api, withQuery, type RequestOptions } from './client';

/** Duration-curve metrics: power (W), heart rate (bpm), pace (s/km, lower is better), speed (m/s). */
export type CurveMetric = 'power' | 'hr' | 'pace' | 'speed';

/** One duration of a curve with the activity that holds it. */
export interface CurvePoint {
  durationS: number;
  value: number;
  activityId: string;
  activityName: string | null;
  /** The activity's local date, YYYY-MM-DD. */
  date: string;
  startS: number;
}

export interface CurveRange {
  from: string;
  to: string;
  activities: number;
  points: CurvePoint[];
}

/** GET /api/analysis/curves: the best value per duration over a range (and a second range to compare). */
export interface Curves extends CurveRange {
  metric: CurveMetric;
  sport: string | null;
  unit: string;
  compare: CurveRange | null;
}

export interface CurveQuery {
  metric: CurveMetric;
  sport?: string;
  from?: string;
  to?: string;
  compare_from?: string;
  compare_to?: string;
}

export interface Effort {
  activityId: string;
  activityName: string | null;
  date: string;
  timeS: number;
  startS: number;
}

export interface DistanceEfforts {
  distanceM: number;
  label: string;
  best: Effort | null;
  /** The best efforts, up to 5, fastest first. */
  top: Effort[];
}

export interface BestEfforts {
  sport: string;
  from: string;
  to: string;
  distances: DistanceEfforts[];
}

/** A two-parameter critical-power (rides) or critical-speed (runs) fit. */
export interface ModelFit {
  /** W for rides, m/s for runs. */
  cp: number;
  /** J for rides, m for runs. */
  wPrime: number;
  eftp: number | null;
  /** s/km, runs. */
  thresholdPace: number | null;
  r2: number;
  points: { durationS: number; value: number; activityId: string; date: string }[];
}

export interface ModelWeek {
  weekEnd: string;
  cp: number | null;
  wPrime: number | null;
  eftp: number | null;
  thresholdPace: number | null;
  r2: number | null;
  reason?: string | null;
}

export interface PowerModel {
  sport: string;
  from: string;
  to: string;
  model: ModelFit | null;
  /** Why there is no estimate. */
  reason: string | null;
  history: ModelWeek[];
}

export interface ZoneShare {
  seconds: number[];
  below: number;
  at: number;
  above: number;
}

export interface ZoneWeek {
  weekStart: string;
  power: ZoneShare | null;
  heartRate: (ZoneShare & { basis: 'lthr' | 'maxHr' }) | null;
}

export interface ZoneWeeks {
  weeks: ZoneWeek[];
  names: { power: string[]; heartRate: string[] };
}

export interface AnalysisStatus {
  state: 'idle' | 'running';
  done: number;
  total: number;
  version: number;
}

/** A curve point of one activity (no activity: it is this one). */
export interface ActivityCurvePoint {
  durationS: number;
  value: number | null;
  startS: number;
}

export interface ZoneTime {
  basis: string;
  /** Lower bounds of zones 2.. in W or bpm. */
  bounds: number[];
  seconds: number[];
}

/** Friel run pace zones: bounds are each zone's slowest pace in s/km (null for Z1, which has no slow end). */
export interface WPrimeBalance {
  minimumJ: number;
  /** Grid second (from the start) at which the minimum is first reached. */
  atS: number;
  cpW: number;
  wPrimeJ: number;
  modelFrom: string;
  modelTo: string;
}

export interface PaceZoneTime {
  basis: 'thresholdPace';
  bounds: (number | null)[];
  seconds: number[];
}

/** One lap as the device, file or Strava recorded it. */
export interface Lap {
  index: number;
  startS: number;
  elapsedS: number | null;
  movingS: number | null;
  distanceM: number | null;
  avgHr: number | null;
  maxHr: number | null;
  avgPowerW: number | null;
  normalizedPowerW: number | null;
  avgSpeedMps: number | null;
  trigger: string | null;
}

/** The thresholds in force on the activity's date. */
export interface DayThresholds {
  date?: string | null;
  ftpW: number | null;
  lthrBpm: number | null;
  maxHrBpm: number | null;
  restingHrBpm?: number | null;
  thresholdPaceSPerKm?: number | null;
  weightKg?: number | null;
}

export interface SeasonBest {
  from: string;
  to: string;
  power?: CurvePoint[];
  heartRate?: CurvePoint[];
  pace?: CurvePoint[];
  speed?: CurvePoint[];
}

/** GET /api/activities/:id/analysis. */
export interface ActivityAnalysis {
  activityId: string;
  sportFamily: string;
  streams: boolean;
  gridSeconds: number | null;
  movingSeconds: number | null;
  curves: {
    power: ActivityCurvePoint[];
    heartRate: ActivityCurvePoint[];
    pace?: ActivityCurvePoint[];
    speed?: ActivityCurvePoint[];
  };
  normalizedPowerW: number | null;
  intensityFactor: number | null;
  efficiencyFactor: number | null;
  decouplingPercent: number | null;
  decouplingBasis?: string | null;
  zones: { power: ZoneTime | null; heartRate: ZoneTime | null; pace?: PaceZoneTime | null };
  bestEfforts: { distanceM: number; timeS: number; startS: number }[];
  thresholds: DayThresholds | null;
  laps?: Lap[] | null;
  seasonBest?: SeasonBest | null;
  /** Rides with power: the lowest W′ balance against the CP model of the 90 days up to the ride. */
  wPrimeBalance?: WPrimeBalance | null;
}

export function getCurves(query: CurveQuery, options?: RequestOptions): Promise<Curves> {
  return api.get<Curves>(withQuery('/api/analysis/curves', { ...query }), options);
}

export function getBestEfforts(
  query: { sport: string; from?: string; to?: string },
  options?: RequestOptions,
): Promise<BestEfforts> {
  return api.get<BestEfforts>(withQuery('/api/analysis/best-efforts', { ...query }), options);
}

export function getModel(query: { sport: string; weeks?: number; from?: string; to?: string }, options?: RequestOptions): Promise<PowerModel> {
  return api.get<PowerModel>(withQuery('/api/analysis/model', { ...query }), options);
}

export function getZones(query: { weeks?: number; sport?: string } = {}, options?: RequestOptions): Promise<ZoneWeeks> {
  return api.get<ZoneWeeks>(withQuery('/api/analysis/zones', { ...query }), options);
}

export function getAnalysisStatus(options?: RequestOptions): Promise<AnalysisStatus> {
  return api.get<AnalysisStatus>('/api/analysis/status', options);
}

export function getActivityAnalysis(id: string, options?: RequestOptions): Promise<ActivityAnalysis> {
  return api.get<ActivityAnalysis>(`/api/activities/${encodeURIComponent(id)}/analysis`, options);
}
