/** Follows the system's light/dark preference, so canvas charts can redraw in the right colours. */
export class Theme {
  dark = $state(false);

  constructor(media: MediaQueryList | null = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null) {
    if (!media) return;
    this.dark = media.matches;
    media.addEventListener?.('change', (e) => (this.dark = e.matches));
  }
}

export const theme = new Theme();

/** Reads a CSS custom property from the root (e.g. "--c-ctl"). */
export function cssVar(name: string, fallback = '#888'): string {
  if (typeof document === 'undefined') return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}
