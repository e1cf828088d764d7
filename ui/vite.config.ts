import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The Vert.x server during development (`npm run dev` serves the UI on :5173).
const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  build: {
    // Written straight into the Maven module's classes: the jar then holds
    // webroot/index.html and webroot/assets/* (hashed names).
    outDir: 'target/classes/webroot',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    // changeOrigin stays false so Host and Origin agree (both :5173) for any
    // same-origin check on the server.
    proxy: {
      '/api': { target: backend },
      '/eventbus': { target: backend, ws: true },
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
