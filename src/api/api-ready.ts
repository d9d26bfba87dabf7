let ready: Promise<unknown> = Promise.resolve();
let start: (() => Promise<unknown>) | null = null;

/**
 * Holds requests until the API can answer. The in-page mock starts while the
 * app renders (so neither waits for the other); requests made meanwhile wait here.
 * Its own module, free of zod, because the shell's entry calls it.
 */
export function holdRequestsUntil(promise: Promise<unknown>): void {
  start = null;
  ready = promise;
}

/**
 * Starts the API when the app first asks it something, once the page has painted content (what asks is a screen being
 * drawn, and that drawing should not share the network with the API's code), and holds every request until it can answer.
 */
export function startOnFirstRequest(begin: () => Promise<unknown>): void {
  start = begin;
}

/** The page's first contentful paint, or a second from now where a browser does not report it (or a hidden tab never paints). */
function contentPainted(): Promise<void> {
  return new Promise((painted) => {
    const timer = setTimeout(painted, 1_000);
    try {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        clearTimeout(timer);
        painted();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the timer decides.
    }
  });
}

export function apiReady(): Promise<unknown> {
  if (start) holdRequestsUntil(contentPainted().then(start));
  return ready;
}
