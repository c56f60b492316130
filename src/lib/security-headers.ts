/**
 * HTTP security headers for the static site, in one place: the deploy files
 * (dist/_headers for Netlify-style hosts, the nginx example) and the tests
 * that load pages under them all read these values.
 *
 * Public pages allow no inline script or style at all; Pagefind needs
 * WebAssembly ('wasm-unsafe-eval'); video frames only from the hosts the
 * content allowlist admits. The CMS at /admin/ gets its own, wider policy:
 * Decap renders with inline styles and talks to the Git host's API.
 */
import { VIDEO_HOSTS } from './sanitize.ts';

const frames = VIDEO_HOSTS.map((h) => `https://${h}`).join(' ');

export const PUBLIC_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${frames}`,
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' https:",
  "frame-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Open data other sites read from the browser: a district hub merges the
 * schools' search indexes (Pagefind multisite), portals aggregate the banks
 * and feeds. These paths allow any origin to read them.
 */
export const OPEN_DATA_PATHS = ['/pagefind/', '/practices.json', '/news/feed.json', '/events/feed.json', '/schemas/'] as const;

const isOpenData = (sitePath: string) => OPEN_DATA_PATHS.some((p) => (p.endsWith('/') ? sitePath.startsWith(p) : sitePath === p));

/** The headers of a site path. The CMS keeps popups it opens (GitHub's OAuth login) connected. */
export function headersFor(sitePath: string): Record<string, string> {
  if (sitePath.startsWith('/admin/')) {
    return { ...COMMON_HEADERS, 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups', 'Content-Security-Policy': ADMIN_CSP };
  }
  const cors: Record<string, string> = isOpenData(sitePath) ? { 'Access-Control-Allow-Origin': '*' } : {};
  return { ...COMMON_HEADERS, 'Content-Security-Policy': PUBLIC_CSP, ...cors };
}

/**
 * The `_headers` file of Cloudflare Pages style hosts. Both blocks match
 * /admin/ pages, so the admin block first detaches (`! Name`) the public
 * values it replaces; otherwise the browser would enforce both policies.
 */
export function headersFile(): string {
  const lines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`);
  const admin = headersFor('/admin/');
  const replaced = Object.keys(admin).filter((k) => admin[k] !== COMMON_HEADERS[k]);
  return `${[
    ['/*', ...lines(headersFor('/'))].join('\n'),
    [
      '/admin/*',
      ...replaced.map((k) => `  ! ${k}`),
      ...lines(Object.fromEntries(replaced.map((k) => [k, admin[k]!]))),
      '  X-Robots-Tag: noindex',
    ].join('\n'),
    ...OPEN_DATA_PATHS.map((p) => `${p.endsWith('/') ? `${p}*` : p}\n  Access-Control-Allow-Origin: *`),
  ].join('\n\n')}\n`;
}

/** The nginx `add_header` lines for a location, indented for its block. */
export function nginxHeaders(sitePath: string, indent = '        '): string {
  return Object.entries(headersFor(sitePath))
    .map(([k, v]) => `${indent}add_header ${k} "${v}" always;`)
    .join('\n');
}
