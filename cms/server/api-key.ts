/**
 * The per-run key of the CMS's local API (cms/server/local-api.ts).
 *
 * The local API writes into the project, so only the admin page this dev
 * server rendered may call it: `npm start` draws a random key once per
 * process, the page embeds it in the API's address (`/admin/api/<key>`, the
 * `proxy_url` Decap posts to), and the API refuses requests without it. The
 * key lives in `process.env`, so Astro's restart after a config change (the
 * same process) keeps it and an open admin page keeps working.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { API_PREFIX } from '../api-paths.ts';

const KEY_VARIABLE = 'NASTAVNIK_CMS_KEY';
const OFF = 'off';
const KEY_PATTERN = /^[\w-]{43}$/;

type Env = Record<string, string | undefined>;

/** Draws a new key (32 random bytes). */
export function newApiKey(env: Env = process.env): string {
  const key = randomBytes(32).toString('base64url');
  env[KEY_VARIABLE] = key;
  return key;
}

/** No local API in this process (`npm start -- --no-cms`). */
export function disableLocalApi(env: Env = process.env): void {
  env[KEY_VARIABLE] = OFF;
}

/** The key of this run, drawn on first use; undefined when the local API is off. */
export function apiKey(env: Env = process.env): string | undefined {
  const key = env[KEY_VARIABLE];
  if (key === OFF) return undefined;
  return key && KEY_PATTERN.test(key) ? key : newApiKey(env);
}

/** The API's address for the admin page; undefined when the local API is off. */
export function localApiPath(env: Env = process.env): string | undefined {
  const key = apiKey(env);
  return key === undefined ? undefined : `${API_PREFIX}${key}`;
}

/** Compares a key from a request with the run's key in constant time. */
export function keyMatches(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
