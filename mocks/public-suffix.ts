/**
 * Stands in for `tldts` in the built app (vite.config.ts): its public-suffix list is 257 KB, more than half of msw's
 * page code and a third of the mock's worker, all of it for tough-cookie, msw's cookie emulation, to find a cookie
 * domain's registrable domain. The mock sets no cookies (auth.ts keeps its session in localStorage), so msw's jar
 * only holds what `document.cookie` has; the last two labels of a name serve every host the demo runs on
 * (localhost, an IP address, a deploy's own name). An IP address has none, as tldts says.
 */
export function getDomain(hostname: string): string | null {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return null;
  const labels = hostname.split('.').filter(Boolean);
  return labels.length < 2 ? null : labels.slice(-2).join('.');
}
