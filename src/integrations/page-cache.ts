/**
 * Entry pages reused from the previous build when nothing they show changed.
 *
 * Rendering every page again after one edit was most of a warm build at
 * district scale. Astro's incremental build (`experimental.incrementalBuild`)
 * skips a page whose `cacheKey` and route code are both unchanged and copies
 * its previous HTML; this integration gives every entry's page its key
 * (src/build/page-keys.ts) without the routes having to compute one. Lists,
 * feeds and the home page have none and are always rendered: they show many
 * entries at once.
 *
 * The key must cover every collection the page's route reads. While Astro
 * renders, each page records what it reads (src/build/page-reads.ts); the
 * union per route is kept in the cache (`page-reads.json`) and used for the
 * next build's keys — and is itself part of the key, so a route found to
 * read more than its keys said is rendered whole next time. A route seen for
 * the first time renders one of its pages first, to learn what it reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { cacheDir } from '../io/cache-dir.ts';
import { contentDir } from '../lib/content-dir.ts';
import { reviewedContent } from '../privacy/gate.ts';
import { pageKeys } from '../build/page-keys.ts';
import { recordReads } from '../build/page-reads.ts';

type PrerenderResult = Awaited<ReturnType<AstroPrerenderer['render']>>;

const readsFile = () => path.join(cacheDir('astro'), 'page-reads.json');

function loadReads(): Map<string, string[]> {
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(readsFile(), 'utf8')) as Record<string, string[]>));
  } catch {
    return new Map();
  }
}

/** A rendered page with its body read to the end, so everything its render reads is recorded in its own context. */
async function buffered(result: PrerenderResult): Promise<PrerenderResult> {
  const response = result instanceof Response ? result : result.response;
  const body = response.body === null ? null : await response.arrayBuffer();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  return result instanceof Response ? copy : { ...result, response: copy };
}

export interface PageCacheReport {
  /** Entry pages with a key, and those of them rendered in this build (the rest were reused). */
  keyed: number;
  rendered: number;
}

export function pageCache(): AstroIntegration {
  let site = 'http://localhost/';
  const report: PageCacheReport = { keyed: 0, rendered: 0 };
  const keyedPaths = new Set<string>();
  let known = new Map<string, string[]>();
  /** What each route read in this build. */
  const seen = new Map<string, Set<string>>();
  const slashed = (pathname: string) => pathname.replace(/\/?$/, '/');

  const render = async (inner: AstroPrerenderer, request: Request, options: Parameters<AstroPrerenderer['render']>[1]) => {
    const reads = new Set<string>();
    const result = await recordReads({ reads }, async () => buffered(await inner.render(request, options)));
    const route = options.routeData.component;
    const all = seen.get(route) ?? new Set<string>();
    for (const r of reads) all.add(r);
    seen.set(route, all);
    return { result, reads };
  };

  const wrap = (inner: AstroPrerenderer): AstroPrerenderer => ({
    name: 'nastavnik:page-cache',
    setup: () => inner.setup?.() ?? Promise.resolve(),
    teardown: () => inner.teardown?.() ?? Promise.resolve(),
    ...(inner.collectStaticImages ? { collectStaticImages: () => inner.collectStaticImages!() } : {}),
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      const index = reviewedContent();
      const keys = pageKeys(index, contentDir(), index.today);
      known = loadReads();
      const entryOf = (p: (typeof paths)[number]) =>
        p.route.params.length === 1 && p.route.params[0] === 'id' ? keys.entryPages.get(slashed(p.pathname)) : undefined;
      for (const p of paths) {
        const route = p.route.component;
        if (known.has(route) || !entryOf(p)) continue;
        const { reads } = await render(inner, new Request(new URL(p.pathname, site)), { routeData: p.route });
        known.set(route, [...reads]);
      }
      return paths.map((p) => {
        const entry = entryOf(p);
        if (!entry) return p;
        keyedPaths.add(slashed(p.pathname));
        report.keyed++;
        return { ...p, cacheKey: keys.keyOf(entry.collection, entry.id, p.route.component, known.get(p.route.component) ?? []) };
      });
    },
    render: async (request, options) => {
      const { result } = await render(inner, request, options);
      if (keyedPaths.has(slashed(new URL(request.url).pathname))) report.rendered++;
      return result;
    },
  });

  return {
    name: 'nastavnik:page-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer(wrap);
      },
      'astro:build:generated': ({ logger }) => {
        // What a route reads only grows: a page that read something once may read it again with other content.
        const next: Record<string, string[]> = {};
        for (const route of new Set([...known.keys(), ...seen.keys()])) {
          next[route] = [...new Set([...(known.get(route) ?? []), ...(seen.get(route) ?? [])])].sort();
        }
        try {
          writeFileAtomic(readsFile(), JSON.stringify(next, null, 1));
        } catch {
          // Without it the next build learns again what each route reads.
        }
        logger.info(
          `страницы записей: ${report.keyed}, взяты из прошлой сборки: ${report.keyed - report.rendered}, отрисованы: ${report.rendered}`,
        );
      },
    },
  };
}
