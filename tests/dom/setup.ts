import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// jsdom lacks what Mantine (matchMedia) and charts (ResizeObserver) ask the browser for.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof window.ResizeObserver === 'undefined') {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
Element.prototype.scrollIntoView ??= () => undefined;
// jsdom has no layout: scrolling does nothing there, rather than printing "Not implemented" thousands of times.
window.scrollTo = () => undefined;
// Mantine's autosizing textarea listens for web fonts loading, which jsdom does not model.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });
}

// Wait for what the person waits for: a find succeeds as soon as the element shows. The ceiling is only
// there so a screen that never shows fails; a busy machine (screens load lazily, the mock seeds) may be slow.
configure({ asyncUtilTimeout: 60_000 });
