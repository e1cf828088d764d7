/**
 * uPlot, loaded when the first chart is drawn rather than with the screen: evaluating the library is a long task on a
 * phone-class CPU (about 200 ms at Lighthouse's 4× slowdown), and as a dynamic import it runs in a task of its own
 * instead of lengthening the one that shows the screen. Screens without a chart never load it.
 */
import type uPlot from 'uplot';

let lib: typeof uPlot | null = null;
let loading: Promise<typeof uPlot> | null = null;

/** Starts loading uPlot (once) and resolves with it. */
export function loadUplot(): Promise<typeof uPlot> {
  loading ??= import('uplot').then((m) => (lib = m.default));
  return loading;
}

/** uPlot once loaded: chart options are built only after loadUplot has resolved, when this cannot be null. */
export function loadedUplot(): typeof uPlot {
  if (!lib) throw new Error('uPlot is used before loadUplot() resolved');
  return lib;
}

/** Bar paths for a series (uPlot's own builder), for options built while a chart is drawn. */
export function barPaths(opts: uPlot.Series.BarsPathBuilderOpts): uPlot.Series.PathBuilder {
  return loadedUplot().paths.bars!(opts);
}
