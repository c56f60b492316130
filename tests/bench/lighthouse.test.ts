import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesToMeasure } from '../../bench/lighthouse.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
let server: StaticServer;

/** A page linking to `links`; an entry page carries the region the search index reads. */
function page(route: string, links: readonly string[], entry = false): void {
  fs.mkdirSync(path.join(dist, route), { recursive: true });
  const body = links.map((href) => `<a href="${href}">x</a>`).join('\n');
  fs.writeFileSync(path.join(dist, route, 'index.html'), entry ? `<article data-pagefind-body>${body}</article>` : body);
}

beforeAll(async () => {
  page('news', ['/news/feed.xml', '/news/page/2/', '/news/vstrecha-pary/', '/news/starshaya/']);
  page('news/page/2', ['/news/starshaya/']);
  page('news/vstrecha-pary', [], true);
  page('news/starshaya', [], true);
  page('roadmap', ['/roadmap/stage-2/']);
  page('roadmap/stage-2', [], true);
  // The blank programme form comes first on the list and is no programme.
  page('programs', ['/programs/template/', '/programs/page/2/', '/programs/programma-nastavnichestva/']);
  page('programs/template', []);
  page('programs/programma-nastavnichestva', [], true);
  // The bank's own page navigation comes before its facet links: it is not a facet page.
  page('practices', ['/practices/page/2/', '/practices/para-1/', '/practices/form/traditional/', '/practices/year/2025/']);
  server = await serveStatic(dist);
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the pages Lighthouse measures', () => {
  it('are the four first pages, and the news list, a facet page of the bank and a programme', async () => {
    const pages = await pagesToMeasure(server.url);
    expect(pages.map((p) => p.path).sort()).toEqual(
      [
        '/',
        '/news/vstrecha-pary/',
        '/roadmap/stage-2/',
        '/practices/',
        '/practices/form/traditional/',
        '/programs/programma-nastavnichestva/',
        '/news/',
      ].sort(),
    );
    expect(new Set(pages.map((p) => p.name)).size).toBe(pages.length);
  });
});
