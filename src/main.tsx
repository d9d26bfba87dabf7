import './app/zod-jitless';
import { createRoot } from 'react-dom/client';
import { holdRequestsUntil } from './api/api-ready';
import { App } from './app/app';

// Without a real API configured, the mock commerce API answers in the page. It starts
// alongside the app: the shell and the first screen load while the shop is seeded.
if (!import.meta.env.VITE_API_URL) {
  holdRequestsUntil(import('../mocks/browser').then(({ startMockApi }) => startMockApi()));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
