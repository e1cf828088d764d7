import * as settingsApi from '../api/settings';
import type { Profile, Units } from '../api/settings';

/** The athlete's profile, for units and the time zone everywhere in the app. */
export class ProfileState {
  profile = $state.raw<Profile | null>(null);
  units: Units = $derived(this.profile?.units ?? 'metric');

  readonly #load: () => Promise<Profile>;

  constructor(load: () => Promise<Profile> = settingsApi.getProfile) {
    this.#load = load;
  }

  /** Never throws: the app works with metric defaults when the profile cannot be read. */
  async load(): Promise<void> {
    try {
      this.profile = await this.#load();
    } catch {
      // Keep what we had (or the defaults).
    }
  }

  set(profile: Profile): void {
    this.profile = profile;
  }

  clear(): void {
    this.profile = null;
  }
}

export const profile = new ProfileState();
