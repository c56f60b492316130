/**
 * Who may talk to /admin/ under `npm start`.
 *
 * A request must name this computer and the dev server's own port in `Host`,
 * and, when a page sends it, come from this very site (`Origin`). A page
 * elsewhere — a DNS-rebinding name that points at 127.0.0.1, an app on
 * another local port — is refused before the admin page (which carries the
 * API key) or the API answers. Binding to 127.0.0.1 alone does not stop
 * either. The API also wants POST with JSON: a foreign page can only send
 * JSON after a CORS preflight, and none is ever approved.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { cmsApiUi } from '../../src/i18n/ru.ts';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v?.toLowerCase());

/** True when `Host` is a local name with the port the request arrived on. */
export function isLocalHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOCAL_NAMES.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}

/** Why a request to /admin/ is refused, or undefined when it may go on. */
export function siteRefusal(headers: IncomingHttpHeaders, port: number): string | undefined {
  const host = one(headers.host);
  if (!isLocalHost(host, port)) return cmsApiUi.foreignHost;
  const origin = one(headers.origin);
  // A foreign page can read a response only through CORS, and a CORS request always carries Origin.
  if (origin !== undefined && origin !== `http://${host}`) return cmsApiUi.foreignOrigin;
  return undefined;
}

/** Why a request to the API itself is refused (on top of siteRefusal), or undefined. */
export function apiRefusal(method: string | undefined, headers: IncomingHttpHeaders): string | undefined {
  const type = one(headers['content-type'])?.split(';')[0]?.trim();
  if (method !== 'POST' || type !== 'application/json') return cmsApiUi.notJson;
  const site = one(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin') return cmsApiUi.foreignOrigin;
  return undefined;
}
