/**
 * /admin/taken.json: which file holds each stage number, programme code and
 * monitoring cycle, for the CMS's save check (cms/save.ts). Taken from the
 * review the build already made (src/privacy/gate.ts): at build for a
 * Git-host setup (as of the last build), and under `astro dev` as of the
 * content folder now, so the local CMS sees its own saves at once. Holds no
 * personal data.
 */
import type { APIRoute } from 'astro';
import { takenValues } from '../../data/taken.ts';

export const GET: APIRoute = () => {
  return new Response(JSON.stringify(takenValues()), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
