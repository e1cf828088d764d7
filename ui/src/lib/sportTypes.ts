import { familyLabel, sportLabel } from './format';

/**
 * The sport types the server accepts for a manual entry or an edit (its Sports table), by family. The server
 * answers 422 `sportType` for anything else; this list only lets the form offer the same choice.
 */
const BY_FAMILY: Record<string, string[]> = {
  run: ['Run', 'TrailRun', 'VirtualRun'],
  ride: ['Ride', 'VirtualRide', 'GravelRide', 'MountainBikeRide', 'EBikeRide', 'EMountainBikeRide', 'Velomobile', 'Handcycle'],
  swim: ['Swim'],
  walk: ['Walk', 'Hike'],
  row: ['Rowing', 'VirtualRow', 'Canoeing', 'Kayaking', 'StandUpPaddling'],
  ski: ['NordicSki', 'BackcountrySki', 'AlpineSki', 'RollerSki'],
  strength: ['WeightTraining', 'Crossfit', 'HighIntensityIntervalTraining'],
  other: ['Workout', 'Yoga', 'Pilates', 'Elliptical', 'StairStepper', 'RockClimbing', 'IceSkate', 'InlineSkate', 'Soccer', 'Tennis', 'Golf'],
  multisport: ['Triathlon', 'Duathlon', 'Multisport'],
};

export interface SportGroup {
  label: string;
  types: { value: string; label: string }[];
}

export const SPORT_GROUPS: SportGroup[] = Object.entries(BY_FAMILY).map(([family, types]) => ({
  label: familyLabel(family),
  types: types.map((t) => ({ value: t, label: sportLabel(t) })),
}));

export const SPORT_TYPES: string[] = Object.values(BY_FAMILY).flat();

/** The family of a sport type of the list ("other" for one it does not hold), as the server's Sports table says. */
export function familyOf(sportType: string): string {
  return Object.entries(BY_FAMILY).find(([, types]) => types.includes(sportType))?.[0] ?? 'other';
}

export function isSportType(value: string): boolean {
  return SPORT_TYPES.includes(value);
}

/** Borg CR-10 words for each RPE value. */
export const RPE_WORDS = ['', 'Very easy', 'Easy', 'Moderate', 'Somewhat hard', 'Hard', 'Hard', 'Very hard', 'Very hard', 'Extremely hard', 'Maximal'];
