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

export default defineConfig({
  plugins: [react(), noMockWorkerForRealApi()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
