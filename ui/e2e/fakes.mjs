/**
 * The server's own fakes (server/src/test/java/fitcoach/testing/) as child processes, so the browser suite and the
 * server tests share one Strava and one Anthropic. The classpath is the compiled test classes plus the test-scope
 * dependencies, which the server build writes to target/test-classpath.txt.
 */
import { spawn } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';

const SERVER = new URL('../../server/', import.meta.url).pathname;
const TEST_CLASSES = `${SERVER}target/test-classes`;
const CLASSPATH_FILE = `${SERVER}target/test-classpath.txt`;
// Small helper JVMs: a fake serving one browser needs neither a big heap nor the optimising compiler.
const JVM_OPTS = ['-Xmx128m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

async function classpath() {
  await access(`${TEST_CLASSES}/fitcoach/testing/FakeStravaMain.class`).catch(() => {
    throw new Error(`${TEST_CLASSES} has no fakes: run "mvn -B -q package -DskipTests" first`);
  });
  const deps = (await readFile(CLASSPATH_FILE, 'utf8').catch(() => {
    throw new Error(`${CLASSPATH_FILE} is missing: run "mvn -B -q package -DskipTests" first`);
  })).trim();
  return `${TEST_CLASSES}:${deps}`;
}

/** Starts `java <main> args…` and resolves with the process and its stdout lines once `ready(lines)` holds. */
async function runMain(main, args, ready, timeoutMs = 60_000) {
  const cp = await classpath();
  const proc = spawn('java', [...JVM_OPTS, '-cp', cp, main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  proc.stderr.on('data', (d) => err.push(String(d)));
  const lines = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`${main} printed nothing usable in ${timeoutMs} ms`), timeoutMs);
    function fail(why) {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${why}\n${out.join('')}${err.join('')}`));
    }
    proc.stdout.on('data', (d) => {
      out.push(String(d));
      const all = out.join('').split('\n').filter(Boolean);
      if (ready(all)) {
        clearTimeout(timer);
        resolve(all);
      }
    });
    // 'close' comes after the last stdout chunk, so a main that prints and exits is read in full first.
    proc.once('close', (code) => fail(`${main} exited with ${code}`));
  });
  return {
    lines,
    log: err,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

/**
 * FakeStrava with `activities` of history and every API answer held back `delayMs`, plus its control route
 * POST /_fake/activities (a new activity pushed to the webhook subscriber).
 */
export async function startFakeStrava({ activities = 150, delayMs = 0 } = {}) {
  const p = await runMain('fitcoach.testing.FakeStravaMain', [String(activities), '-', String(delayMs)],
    (lines) => lines.some((l) => l.startsWith('http://')));
  const url = p.lines.find((l) => l.startsWith('http://')).trim();
  return {
    ...p,
    url,
    clientId: '12345',
    clientSecret: 'fake-client-secret',
    /** The athlete records a workout on Strava: the fake stores it and posts Strava's "create" event to the app. */
    /** The athlete's Strava bulk export of the fake's history (activities.csv), written to `path`. */
    async exportZip(path) {
      const r = await fetch(`${url}/_fake/export.zip`);
      if (!r.ok) throw new Error(`fake Strava: ${r.status} ${await r.text()}`);
      await writeFile(path, Buffer.from(await r.arrayBuffer()));
      return path;
    },
    async newActivity(name, sportType = 'Ride') {
      const r = await fetch(`${url}/_fake/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, sportType }),
      });
      if (!r.ok) throw new Error(`fake Strava: ${r.status} ${await r.text()}`);
      return r.json();
    },
  };
}

/** FakeAnthropic and FakeOpenAi answering the Markdown e2e answer, one delta every `tokenDelayMs`. */
export async function startFakeLlm({ tokenDelayMs = 40 } = {}) {
  const p = await runMain('fitcoach.testing.llm.FakeLlmMain', ['0', '0', '-', String(tokenDelayMs)],
    (lines) => lines.some((l) => l.startsWith('OPENAI_API_KEY=')));
  const env = Object.fromEntries(p.lines.filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()]));
  return { ...p, anthropicUrl: env.ANTHROPIC_BASE_URL, anthropicKey: env.ANTHROPIC_API_KEY };
}

/** A FIT ride written by the Garmin SDK encoder (FitFileMain) into `path`. */
export async function writeFitFile(path, daysAgo = 2) {
  const p = await runMain('fitcoach.testing.FitFileMain', [path, String(daysAgo)], (lines) => lines.some((l) => l.includes(path)));
  await p.stop();
  return path;
}

/** A multisport FIT file (a brick: ride, transition, run) with positions, heart rate, power and cadence. */
export async function writeBrickFitFile(path, daysAgo = 3) {
  const p = await runMain('fitcoach.testing.BrickFitFileMain', [path, String(daysAgo)], (lines) => lines.some((l) => l.includes(path)));
  await p.stop();
  return path;
}
