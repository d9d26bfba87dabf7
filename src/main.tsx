import { createRoot } from 'react-dom/client';
import { App } from './app/app';

async function start() {
  // Without a real API configured, the mock commerce API answers in the page.
  if (!import.meta.env.VITE_API_URL) {
    const { startMockApi } = await import('../mocks/browser');
    await startMockApi();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<App />);
}

void start();
