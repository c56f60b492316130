/**
 * Where the CMS's local API answers under `npm start` (cms/server/local-api.ts),
 * for the server that guards it and the admin page that calls it.
 */

/** Everything under this path is the local API: `/admin/api/<key>`. */
export const API_PREFIX = '/admin/api/';
/** The save check's path below the API's address. */
export const REVIEW_PATH = '/check.json';
