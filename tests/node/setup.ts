/**
 * Node has no page, so a relative fetch('/api/...') has nothing to resolve against: give it the
 * origin msw/node answers for, as a browser's location would. Nothing else of a browser is faked.
 */
(globalThis as { location?: unknown }).location ??= new URL('http://localhost/');
