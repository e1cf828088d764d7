import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The Vert.x server during development (`npm run dev` serves the UI on :5173).
const backend = 'http://localhost:8080';

type Headers = Record<string, string | string[] | undefined>;

/**
 * The dev server's pages send `Origin: http://localhost:5173`, an origin FitCoach does not accept writes
 * or bridge connections from (it accepts its own origins and FRONTEND_URL). The proxy vouches for its own
 * pages by presenting the server's origin instead, but only when Origin is this dev server as reached on
 * loopback: a page from another name rebound to this machine keeps its foreign Origin and Host, so the
 * server still refuses it.
 */
function vouchForOwnPages(proxyReq: { setHeader(name: string, value: string): unknown }, req: { headers: Headers }) {
  const { origin, host } = req.headers;
  if (typeof origin === 'string' && typeof host === 'string' && origin === `http://${host}`
      && /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host)) {
    proxyReq.setHeader('origin', backend);
  }
}

/** The proxy's events, typed here because the config is checked without Node's types. */
type ProxyEvents = { on(event: 'proxyReq' | 'proxyReqWs', listener: typeof vouchForOwnPages): unknown };
const vouching = (events: ProxyEvents) => {
  events.on('proxyReq', vouchForOwnPages);
  events.on('proxyReqWs', vouchForOwnPages);
};

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  build: {
    // Written straight into the Maven module's classes: the jar then holds
    // webroot/index.html and webroot/assets/* (hashed names).
    outDir: 'target/classes/webroot',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    rollupOptions: { output: { experimentalMinChunkSize: 12_000 } },
  },
  server: {
    // changeOrigin stays false: Host reaches the server as the browser sent it, so the server's own
    // Host check (DNS rebinding) still sees a foreign name (Vite checks Host for HTTP, not for proxied
    // WebSockets).
    proxy: {
      '/api': { target: backend, configure: (proxy) => vouching(proxy as unknown as ProxyEvents) },
      '/eventbus': { target: backend, ws: true, configure: (proxy) => vouching(proxy as unknown as ProxyEvents) },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    environment: 'node',
    restoreMocks: true,
    unstubGlobals: true,
  },
});
