/**
 * /admin/taken.json: which file holds each stage number, programme code and
 * monitoring cycle, for the CMS's save check (cms/save.ts). Written at build
 * for a Git-host setup (as of the last build); under `astro dev` it is read
 * from the content folder at every request, so the local CMS sees its own
 * saves at once. Holds no personal data.
 */
import type { APIRoute } from 'astro';
import { readCollections } from '../../lib/content-files.ts';
import { takenValues, UNIQUE_FIELDS } from '../../lib/unique-fields.ts';

export const GET: APIRoute = () => {
  const { files } = readCollections([...new Set(UNIQUE_FIELDS.map((f) => f.collection))]);
  return new Response(JSON.stringify(takenValues(files)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
