/** Starts the real fat jar on a free port with a fresh data directory, and stops it. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const JAR = process.env.E2E_JAR ?? new URL('../../server/target/fitcoach.jar', import.meta.url).pathname;

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

export async function startServer(env = {}) {
  await access(JAR).catch(() => {
    throw new Error(`${JAR} is missing: run "mvn -B -q package -DskipTests" first`);
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'fitcoach-e2e-'));
  const port = await freePort();
  const log = [];
  const proc = spawn('java', ['-jar', JAR], {
    env: { ...process.env, FITCOACH_DATA_DIR: dataDir, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => log.push(String(d)));
  proc.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server stopped while starting:\n${log.join('')}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in time:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
