import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesToMeasure } from '../../bench/lighthouse.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
let server: StaticServer;

function page(route: string, links: readonly string[]): void {
  fs.mkdirSync(path.join(dist, route), { recursive: true });
  fs.writeFileSync(path.join(dist, route, 'index.html'), links.map((href) => `<a href="${href}">x</a>`).join('\n'));
}

beforeAll(async () => {
  page('news', ['/news/feed.xml', '/news/page/2/', '/news/vstrecha-pary/', '/news/starshaya/']);
  page('roadmap', ['/roadmap/stage-2/']);
  page('programs', ['/programs/page/2/', '/programs/programma-nastavnichestva/']);
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
