/**
 * Copies a chosen set of the e2e suite's screenshots (target/screenshots/) into docs/screenshots/ for the README.
 * Run through `npm run screenshots`, which runs the suite first, so the pictures always show the current UI.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';

const FROM = new URL('../target/screenshots/', import.meta.url).pathname;
const TO = new URL('../../docs/screenshots/', import.meta.url).pathname;
const CHOSEN = [
  'dashboard-desktop-light',
  'dashboard-desktop-dark',
  'activity-desktop-light',
  'coach-desktop-light',
  'report-desktop-dark',
  'import-desktop-light',
  'settings-desktop-light',
  'dashboard-phone-light',
  'activity-phone-dark',
];

await mkdir(TO, { recursive: true });
let bytes = 0;
for (const name of CHOSEN) {
  await copyFile(`${FROM}${name}.png`, `${TO}${name}.png`).catch((e) => {
    throw new Error(`${FROM}${name}.png is missing: did the e2e suite run to the end? (${e.code})`);
  });
  bytes += (await stat(`${TO}${name}.png`)).size;
}
console.log(`screenshots: ${CHOSEN.length} files, ${Math.round(bytes / 1024)} KB in docs/screenshots/`);
