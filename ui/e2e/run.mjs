/**
 * Runs the browser suite if a Chromium is there. Without one it skips with one line on a developer's machine, and
 * fails under CI (CI=true), where .ci/run should have installed it.
 *
 * Each file starts its own server, fakes and Chromium (the app has one account, and the files need it fresh), so
 * they are independent and run one after another. E2E_CONCURRENCY=n runs the others n at a time on a machine with
 * cores to spare; on a busy 2-core machine two at a time made each file twice as slow and timed out a FIT import, so
 * one is the default. The Lighthouse file (perf) measures timing, so it always runs first and alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.env.CI === 'true' || process.env.CI === '1') {
    console.error(`e2e: FAILED, no Chromium at ${chromium} (CI=${process.env.CI}); install it with apt-get install chromium or set CHROMIUM`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED, no Chromium at ${chromium} (install chromium or set CHROMIUM to run the browser suite)`);
  process.exit(0);
}
const started = Date.now();
// Every e2e/*.e2e.mjs file; E2E_ONLY=name runs the files whose name has it.
const only = process.env.E2E_ONLY;
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? 1) || 1);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.e2e.mjs') && (!only || f.includes(only)))
  .sort()
  .map((f) => `e2e/${f}`);
const timed = files.filter((f) => f.endsWith('/perf.e2e.mjs'));
const rest = files.filter((f) => !timed.includes(f));

/** Runs `list` with node's test runner, `n` files at a time; returns its exit status. */
function run(list, n) {
  if (list.length === 0) return 0;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${n}`, '--test-reporter=spec', ...list], {
    stdio: 'inherit',
    cwd: new URL('..', import.meta.url).pathname,
  });
  console.log(`e2e: ${list.length} file(s), ${n} at a time, ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - t0) / 1000)} s`);
  return r.status ?? 1;
}

const status = Math.max(run(timed, 1), run(rest, concurrency));
console.log(`e2e: ${status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(status);
