/**
 * The blank personalised-programme template as a Word file, generated at
 * build from the same form description as the printable page
 * (src/lib/programme-form.ts).
 */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { pack } from '../../lib/docx/blocks.ts';
import { programmeTemplate } from '../../lib/docx/programme.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const bytes = await pack(programmeTemplate(site.schoolName));
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
