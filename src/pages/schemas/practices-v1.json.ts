/** /schemas/practices-v1.json: the JSON Schema of /practices.json, version 1 (docs/open-data.md). */
import type { APIRoute } from 'astro';
import { practicesJsonSchema } from '../../lib/search/open-data.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(practicesJsonSchema(String(site)), null, 2), {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
