import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, createServer, defineConfig, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { EARLY_WORKER_GLOBAL, MOCK_SESSION_KEY, MOCK_STORAGE_PREFIX, MOCK_WORKER_META } from './mocks/worker-protocol.ts';
import { bootScript, PRERENDERED_ID, PRERENDERED_STYLE } from './src/lib/prerendered.ts';

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

/** A real API on another origin (VITE_API_URL=https://api.example.com) is the one other place the page may call. */
function apiOrigin(): string {
  const url = process.env.VITE_API_URL ?? '';
  return /^https?:\/\//.test(url) ? new URL(url).origin : '';
}

/** index.html's one inline script (src/lib/prerendered.ts), which the policy allows by its hash. */
const BOOT_SCRIPT = bootScript(
  process.env.VITE_API_URL
    ? null
    : { sessionKey: MOCK_SESSION_KEY, storagePrefix: MOCK_STORAGE_PREFIX, workerMeta: MOCK_WORKER_META, workerGlobal: EARLY_WORKER_GLOBAL },
);
const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

/**
 * The app's Content-Security-Policy. Scripts only from the app's origin, and the boot script by its hash:
 * the demo's MSW worker is a file of its own, and zod is told not to compile with eval
 * (src/app/zod-jitless.ts). Inline styles are Mantine's (its <style> of CSS variables, style
 * attributes). Images from any https host, since a product's pictures live wherever their addresses
 * say (the demo's are answered by the mock through its service worker), and data: for placeholders.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${BOOT_SCRIPT_HASH}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  `connect-src ${["'self'", apiOrigin()].filter(Boolean).join(' ')}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers the built app is served with (README, "Deploying the app"); the journeys run under them. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * index.html gets the boot script and its style, and, in a build, the sign-in page drawn as HTML (rendered here by a
 * throwaway Vite server in SSR mode), so a first visit shows the form before the app's scripts arrive, and the mock
 * worker's address, so a signed-in visit starts the mock while they load.
 */
function bootAndPrerender(): Plugin {
  let building = false;
  return {
    name: 'stockroom:boot-and-prerender',
    configResolved(config) {
      building = config.command === 'build';
    },
    closeBundle() {
      // The policy a host must send with this build (README, "Deploying the app"): the script's hash is in it.
      if (building) this.info(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
    },
    // After Vite's own: the bundle is known, and with it the mock worker's script, which the boot script starts.
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        const root = '<div id="root"></div>';
        // The boot script right after the charset, which must come within the page's first 1,024 bytes.
        const charset = '<meta charset="UTF-8" />';
        for (const needed of [root, charset]) if (!html.includes(needed)) throw new Error(`index.html has no ${needed}`);
        const prerendered = building ? `<div id="${PRERENDERED_ID}">${await renderSignInPage()}</div>` : '';
        const worker = Object.keys(bundle ?? {}).find((file) => /(^|\/)mock-worker-[\w-]+\.js$/.test(file));
        const boot = [
          charset,
          worker ? `<meta name="${MOCK_WORKER_META}" content="/${worker}" />` : '',
          `<script>${BOOT_SCRIPT}</script>`,
          `<style>${PRERENDERED_STYLE}</style>`,
        ];
        return html.replace(charset, boot.filter(Boolean).join('\n    ')).replace(root, `${prerendered}${root}`);
      },
    },
  };
}

async function renderSignInPage(): Promise<string> {
  const server = await createServer({
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    logLevel: 'warn',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { renderSignIn } = (await server.ssrLoadModule('/src/app/sign-in-prerender.tsx')) as { renderSignIn: () => string };
    return renderSignIn();
  } finally {
    await server.close();
  }
}

const MOCK_WORKER = '/mockServiceWorker.js';

/**
 * The demo's service worker fetches, under its own script's policy, every request of the page the
 * mock does not answer: a product picture on another https host among them. Its policy lets it
 * fetch what the page's policy already let the page ask for (https images); nothing else changes.
 */
function mockWorkerPolicy(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, (directive) => `${directive} https:`);
  return {
    name: 'stockroom:mock-worker-policy',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] === MOCK_WORKER) {
          // Static files get preview.headers as they are sent; this one keeps its own policy instead.
          const setHeader = res.setHeader.bind(res);
          res.setHeader = (name, value) => setHeader(name, name.toLowerCase() === 'content-security-policy' ? policy : value);
        }
        next();
      });
    },
  };
}

/** What a visit loads after index.html's chunks, each in a chunk of its own: the router (with the shell), the sign-in screen. */
const SHELL_MODULES = { router: 'src/app/router.tsx', 'sign-in': 'src/features/auth/components/sign-in-page.tsx' };
const MANTINE_CORE = /node_modules[\\/]@mantine[\\/]core[\\/]/;

/**
 * Fewer files for a screen's code. Left to itself, the bundler gives each set of screens that shares a module a chunk
 * of its own: a cold visit to the dashboard fetched some 45 files once the router had run, six at a time over
 * HTTP/1.1. So a first pass (the same build, kept in memory: about 2 s) finds what index.html loads and what the shell
 * loads after it; each keeps exactly that, in a chunk of its own (the first page's stays in index.html's). Of the rest,
 * the screens' code: the Mantine components in one chunk, the app's modules that two or more screens share in another,
 * each with what they use (a group without its dependencies made chunks that import each other, and one ran before
 * what it needed). A cold dashboard drew its chart in 992 ms instead of 1,122 (medians of 7 interleaved runs).
 */
function screenChunks(): Plugin {
  return {
    name: 'stockroom:screen-chunks',
    apply: 'build',
    async config(_, { mode }) {
      const { firstPage, shell } = await modulesLoadedFirst(mode);
      const shellGroups = Object.entries(shell).map(([name, modules]) => ({ name, test: (id: string) => modules.has(id), priority: 3 }));
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                // A higher priority takes its modules first: the later groups get none of the first page's or the shell's.
                groups: [
                  { name: 'first-page', test: (id) => firstPage.has(id), priority: 4 },
                  ...shellGroups,
                  { name: 'mantine', test: (id) => MANTINE_CORE.test(id), priority: 2 },
                  { name: 'shared', test: (id) => !id.includes('node_modules'), minShareCount: 2, priority: 1 },
                ],
              },
            },
          },
        },
      };
    },
  };
}

/** The modules index.html's chunks hold, and those the shell's chunks add, as a build with no groups makes them. */
async function modulesLoadedFirst(mode: string): Promise<{ firstPage: Set<string>; shell: Record<string, Set<string>> }> {
  // Only the plugin that shapes the modules (React's transform): no other plugin of the app runs, so nothing writes or
  // deletes a file (the real-API build's removal of the mock's service worker once deleted the one in dist/).
  const result = await build({ ...appConfig(), plugins: [react()], configFile: false, mode, logLevel: 'silent', build: { write: false } });
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const output of Array.isArray(result) ? result : 'output' in result ? [result] : []) {
    for (const item of output.output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  }
  /** The modules of these chunks and of those they import statically, but for those already in `except`. */
  const loadedWith = (from: Rolldown.OutputChunk[], except = new Set<string>()) => {
    const modules = new Set<string>();
    const seen = new Set<string>();
    const visit = (chunk: Rolldown.OutputChunk | undefined) => {
      if (!chunk || seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const id of chunk.moduleIds) if (!except.has(id)) modules.add(id);
      for (const file of chunk.imports) visit(chunks.get(file));
    };
    from.forEach(visit);
    return modules;
  };
  const all = [...chunks.values()];
  const firstPage = loadedWith(all.filter((c) => c.isEntry));
  if (firstPage.size === 0) throw new Error('screenChunks: the first pass made no entry chunk');
  const taken = new Set(firstPage);
  const shell: Record<string, Set<string>> = {};
  for (const [name, module] of Object.entries(SHELL_MODULES)) {
    const chunk = all.find((c) => c.facadeModuleId?.endsWith(module));
    if (!chunk) throw new Error(`screenChunks: the first pass made no chunk for ${module}`);
    shell[name] = loadedWith([chunk], taken);
    for (const id of shell[name]) taken.add(id);
  }
  return { firstPage, shell };
}

/** The app's configuration but for its plugins, for both passes. */
function appConfig(): InlineConfig {
  return {
    resolve: {
      alias: {
        '@': fileURLToPath(new URL('./src', import.meta.url)),
        '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
        // msw's cookie emulation without the public-suffix list (mocks/public-suffix.ts says why it is enough).
        tldts: fileURLToPath(new URL('./mocks/public-suffix.ts', import.meta.url)),
      },
    },
    // The mock's worker (mocks/mock-worker.ts) is an ES module, like the app.
    worker: { format: 'es' },
    server: { port: 5173, proxy: apiProxy },
    preview: { port: 4173, proxy: apiProxy, headers: SECURITY_HEADERS },
  };
}

export default defineConfig({
  ...appConfig(),
  plugins: [react(), bootAndPrerender(), noMockWorkerForRealApi(), mockWorkerPolicy(), screenChunks()],
});
