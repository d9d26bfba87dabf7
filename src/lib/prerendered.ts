/**
 * The sign-in page drawn at build time into index.html (vite.config.ts, app/sign-in-prerender.tsx): a first visit
 * shows it before any of the app's scripts has run, and the sign-in screen takes it away as it draws itself.
 */

/** The element of index.html that holds the prerendered page. */
export const PRERENDERED_ID = 'sign-in-prerendered';

/** Set on <html> by the boot script when the visit lands on the sign-in page; main.tsx reads it. */
export const SIGNING_IN_ATTRIBUTE = 'data-signing-in';

/** Mantine's colour scheme manager keeps the person's choice here (its default key). */
const COLOR_SCHEME_KEY = 'mantine-color-scheme-value';

/**
 * index.html's one inline script, run before the first paint (the Content-Security-Policy allows it by its hash):
 * - Mantine's colour scheme on <html>, as its ColorSchemeScript sets it (the choice kept in this browser, else the
 *   system's), so a page drawn from HTML alone has its colours;
 * - `data-signing-in` when the visit lands on the sign-in page: its address, or, on the mock, no session in this
 *   browser (`mock.sessionKey`: where the mock keeps its session cookie);
 * - otherwise, on the mock, its worker, started now rather than once the app's scripts have loaded, and told at once
 *   which shop to make (the start message of mocks/worker-protocol.ts: the mock's localStorage entries, under
 *   `mock.storagePrefix`, the address's query and the clock): it loads its code and makes the shop while the page
 *   loads the app's. Its script's address is in a meta tag the build writes (`mock.workerMeta`); the worker, the
 *   entries it was started with and the events it sent before anyone listened are left at `window[mock.workerGlobal]`
 *   for mocks/mock-client.ts.
 */
export function bootScript(mock: { sessionKey: string; storagePrefix: string; workerMeta: string; workerGlobal: string } | null): string {
  const read = (key: string) => `localStorage.getItem(${JSON.stringify(key)})`;
  const startWorker = mock && [
    `var u=document.querySelector('meta[name="${mock.workerMeta}"]');`,
    "if(u){var w=new Worker(u.content,{type:'module',name:'stockroom-mock'}),q=[],t={},i,k;",
    `try{for(i=localStorage.length;i--;){k=localStorage.key(i);if(k&&k.indexOf(${JSON.stringify(mock.storagePrefix)})===0)t[k]=localStorage.getItem(k)||''}}catch(e){}`,
    "w.postMessage({type:'start',storage:t,search:location.search,pageNow:Date.now()});",
    `w.onmessage=w.onerror=function(e){q.push(e)};window[${JSON.stringify(mock.workerGlobal)}]={worker:w,events:q,storage:t}}`,
  ];
  return [
    '(function(){var d=document.documentElement,s=null,m=null;',
    `try{s=${read(COLOR_SCHEME_KEY)};${mock ? `m=${read(mock.sessionKey)}` : ''}}catch(e){}`,
    "d.setAttribute('data-mantine-color-scheme',s==='light'||s==='dark'?s:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light');",
    `if(location.pathname==='/sign-in'||(${mock !== null}&&m===null))d.setAttribute(${JSON.stringify(SIGNING_IN_ATTRIBUTE)},'');`,
    startWorker ? `else{${startWorker.join('')}}` : '',
    '})()',
  ].join('');
}

/**
 * The prerendered page is shown only on a visit that lands on sign-in, and the app's root stays hidden while it is
 * there, so the two never show at once.
 */
export const PRERENDERED_STYLE =
  `#${PRERENDERED_ID}{display:none}` +
  `html[${SIGNING_IN_ATTRIBUTE}] #${PRERENDERED_ID}{display:block}` +
  `html[${SIGNING_IN_ATTRIBUTE}] #${PRERENDERED_ID}~#root{display:none}`;

/** The sign-in screen is drawn (or the app could not load): the prerendered copy goes, the app's root shows. */
export function removePrerendered(): void {
  document.getElementById(PRERENDERED_ID)?.remove();
}
