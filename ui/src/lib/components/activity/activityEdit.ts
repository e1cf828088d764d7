import type { Activity, ActivityPatch } from '../../api/activities';
import { isSportType } from '../../sportTypes';

/** What the editor shows, as typed. */
export interface EditDraft {
  name: string;
  sportType: string;
  /** "1".."10" or "" (not set) */
  rpe: string;
  /** A number, or "" for the computed load. */
  loadOverride: string;
  notes: string;
}

export type EditField = keyof EditDraft;
export type EditErrors = Partial<Record<EditField, string>>;

/** The server's limits (ActivityPatch): keep them in step. */
export const MAX_LOAD_OVERRIDE = 1000;
export const MAX_NAME = 200;
export const MAX_NOTES = 2000;

export function draftOf(a: Activity): EditDraft {
  return {
    name: a.name ?? '',
    sportType: a.sportType,
    rpe: a.rpe == null ? '' : String(a.rpe),
    loadOverride: a.loadOverride == null ? '' : String(a.loadOverride),
    notes: a.notes ?? '',
  };
}

/** The activity's current values of the fields a patch sets: sending it back undoes the patch. */
export function undoPatch(a: Activity, patch: ActivityPatch): ActivityPatch {
  const undo: ActivityPatch = {};
  if ('name' in patch) undo.name = a.name;
  if ('sportType' in patch) undo.sportType = a.sportType;
  if ('rpe' in patch) undo.rpe = a.rpe;
  if ('loadOverride' in patch) undo.loadOverride = a.loadOverride;
  if ('notes' in patch) undo.notes = a.notes;
  return undo;
}

/**
 * The server's rules, checked before sending, and the patch of what changed (empty when nothing did). An empty name,
 * load or notes clears it: the name falls back to the sport, the load to the computed one.
 */
export function validateEdit(a: Activity, d: EditDraft): { errors: EditErrors; patch: ActivityPatch } {
  const errors: EditErrors = {};
  const patch: ActivityPatch = {};

  const name = d.name.trim() || null;
  if (name && name.length > MAX_NAME) errors.name = `At most ${MAX_NAME} characters.`;
  else if (name !== (a.name ?? null)) patch.name = name;

  if (d.sportType !== a.sportType) {
    if (isSportType(d.sportType)) patch.sportType = d.sportType;
    else errors.sportType = 'Choose a sport from the list.';
  }

  const rpe = d.rpe === '' ? null : Number(d.rpe);
  if (rpe !== null && !(Number.isInteger(rpe) && rpe >= 1 && rpe <= 10)) errors.rpe = 'Choose 1 to 10.';
  else if (rpe !== a.rpe) patch.rpe = rpe;

  const text = String(d.loadOverride).trim().replace(',', '.');
  const load = text === '' ? null : Number(text);
  if (load !== null && (!Number.isFinite(load) || load < 0 || load > MAX_LOAD_OVERRIDE)) {
    errors.loadOverride = `Enter a load from 0 to ${MAX_LOAD_OVERRIDE}, or leave it empty for the computed one.`;
  } else if (load !== a.loadOverride) patch.loadOverride = load;

  const notes = d.notes.trim() === '' ? null : d.notes;
  if (notes && notes.length > MAX_NOTES) errors.notes = `At most ${MAX_NOTES} characters.`;
  else if (notes !== (a.notes ?? null)) patch.notes = notes;

  return { errors, patch };
}

/** Which input a server error (`error.field`) belongs to. */
export function editFieldOf(field: string | null): EditField | null {
  return field === 'name' || field === 'sportType' || field === 'rpe' || field === 'loadOverride' || field === 'notes'
    ? field
    : null;
}
