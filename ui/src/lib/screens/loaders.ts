import type { Component } from 'svelte';
import type { View } from '../routing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScreenModule = { default: Component<any> };

/**
 * The signed-in screens, each its own chunk: the sign-in page loads none of them, nor their charting and markdown
 * libraries, and each screen loads what it needs when it is first shown.
 */
export const SCREEN_LOADERS: Partial<Record<View, () => Promise<ScreenModule>>> = {
  dashboard: () => import('../../routes/Dashboard.svelte'),
  activities: () => import('../../routes/Activities.svelte'),
  activity: () => import('../../routes/Activity.svelte'),
  calendar: () => import('../../routes/Calendar.svelte'),
  analytics: () => import('../../routes/Analytics.svelte'),
  progress: () => import('../../routes/Progress.svelte'),
  heatmap: () => import('../../routes/Heatmap.svelte'),
  wellness: () => import('../../routes/Wellness.svelte'),
  coach: () => import('../../routes/Coach.svelte'),
  reports: () => import('../../routes/Reports.svelte'),
  import: () => import('../../routes/Import.svelte'),
  settings: () => import('../../routes/Settings.svelte'),
};

/**
 * Starts loading a screen's chunk ahead of time (e.g. while the session is still being checked); the module
 * system keeps the one promise, so the later render does not load it again.
 */
export function preloadScreen(view: View): void {
  void SCREEN_LOADERS[view]?.().catch(() => {});
}
