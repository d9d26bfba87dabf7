import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** A build for a real API (VITE_API_URL set) ships no mock: the MSW worker script that public/ holds is left out. */
function noMockWorkerForRealApi(): Plugin {
  let file = '';
  let realApi = false;
  return {
    name: 'stockroom:no-mock-worker-for-real-api',
    apply: 'build',
    configResolved(config) {
      file = resolve(config.root, config.build.outDir, 'mockServiceWorker.js');
      realApi = Boolean(config.env.VITE_API_URL);
    },
    closeBundle() {
      if (realApi) rmSync(file, { force: true });
    },
  };
}

/**
 * STOCKROOM_API_PROXY=http://127.0.0.1:3000 (with VITE_API_URL=/) serves a real API's /api from the app's own
 * origin, in dev and preview alike: its session cookie is then first-party and no CORS is involved.
 */
const apiProxy = process.env.STOCKROOM_API_PROXY ? { '/api': { target: process.env.STOCKROOM_API_PROXY, changeOrigin: false } } : undefined;

export default defineConfig({
  plugins: [react(), noMockWorkerForRealApi()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
});
