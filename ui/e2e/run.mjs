/**
 * Runs the browser suite if a Chromium is there. Without one it skips with one line on a developer's machine, and
 * fails under CI (CI=true), where .ci/run should have installed it.
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
// Every e2e/*.e2e.mjs file, one after another (each starts its own server); E2E_ONLY=name runs the files whose name has it.
const only = process.env.E2E_ONLY;
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.e2e.mjs') && (!only || f.includes(only)))
  .sort()
  .map((f) => `e2e/${f}`);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url).pathname,
});
console.log(`e2e: ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(r.status ?? 1);
