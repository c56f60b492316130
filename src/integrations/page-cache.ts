/**
 * Pages reused from the previous build when nothing they show changed.
 *
 * Rendering every page again after one edit was most of a warm build at
 * district scale. Astro's incremental build (`experimental.incrementalBuild`)
 * skips a page whose `cacheKey` and route code are both unchanged and copies
 * its previous output; this integration gives every page and endpoint its
 * key (src/build/page-keys.ts) without the routes having to compute one.
 *
 * Which routes get keys. A key covers only what the build can see a page
 * use: collections read through src/data and the site-wide inputs. A route
 * whose output depends on anything else — the editor bundle and environment
 * (/admin/), files read past src/data (/admin/taken.json), the clock finer
 * than the review's day (/events/ splits upcoming from past by the minute) —
 * has no key and is rendered in every build. The decision is written per
 * route, with its reason, in KEYED_ROUTES and UNKEYED_ROUTES; a route in
 * neither (a new page nobody has looked at yet) has no key.
 *
 * What a route reads. While Astro renders, each page records the
 * collections it reads (src/build/page-reads.ts); the union per route is
 * kept in the cache (`page-reads.json`) and used for the next build's keys.
 * A route seen for the first time renders one of its paths first, to learn
 * what it reads. What a route's `getStaticPaths` reads (a list's page gets
 * its entries as props) is recorded in every build, route by route, as
 * Astro lists their paths; an entry's page gets only its entry that way,
 * which its key covers by itself. If this Astro lists paths in a way that
 * does not tell the routes apart, routes with parameters get no key.
 *
 * Why one sample page is enough. The reads are part of the key, and a
 * route's union only grows. A path that reads more than its route's union
 * said was rendered in this build (with today's content, so its output is
 * right); its reads join the union, which changes the key of every path of
 * the route, so they are all rendered next build under a key that covers
 * them. A page is reused only under a key equal to the one it was rendered
 * with, so the reads in that key include everything the page read then —
 * and with those inputs unchanged, it would read and show the same again.
 * If the union cannot be saved, Astro's record of keys is removed too, so
 * the next build renders everything rather than trust a shorter union.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { cacheDir } from '../io/cache-dir.ts';
import { pageCacheUi } from '../i18n/ru.ts';
import { contentDir } from '../lib/content-dir.ts';
import { reviewedContent } from '../privacy/gate.ts';
import { isKeyedRoute, pageKeys } from '../build/page-keys.ts';
import { recordPathsReads, recordReads } from '../build/page-reads.ts';

type PrerenderResult = Awaited<ReturnType<AstroPrerenderer['render']>>;
type StaticPath = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
type RouteData = StaticPath['route'];

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

/** Astro's build app loads each route's module just before it calls the route's `getStaticPaths`. */
interface RouteLoader {
  getComponentByRoute?: (route: RouteData) => Promise<unknown>;
}

/**
 * Every route's paths, with what each route's `getStaticPaths` read (by
 * component), or undefined when the reads cannot be told apart by route.
 */
async function listPaths(inner: AstroPrerenderer): Promise<{ paths: StaticPath[]; listed: Map<string, Set<string>> | undefined }> {
  const app = (inner as { app?: RouteLoader }).app;
  const load = app?.getComponentByRoute;
  const listed = new Map<string, Set<string>>();
  const unattributed = new Set<string>();
  recordPathsReads({ reads: unattributed });
  if (app && load) {
    app.getComponentByRoute = (route) => {
      const reads = listed.get(route.component) ?? new Set<string>();
      listed.set(route.component, reads);
      recordPathsReads({ reads });
      return load.call(app, route);
    };
  }
  try {
    const paths = await inner.getStaticPaths();
    return { paths, listed: app && load && unattributed.size === 0 ? listed : undefined };
  } finally {
    recordPathsReads(undefined);
    if (app && load) app.getComponentByRoute = load;
  }
}

export interface PageCacheReport {
  /** Pages with a key, and those of them rendered in this build (the rest were reused). */
  keyed: number;
  rendered: number;
  /** Pages without a key: rendered in every build. */
  unkeyed: number;
}

export function pageCache(): AstroIntegration {
  let site = 'http://localhost/';
  let astroCache: URL | undefined;
  const report: PageCacheReport = { keyed: 0, rendered: 0, unkeyed: 0 };
  const keyedPaths = new Set<string>();
  let known = new Map<string, string[]>();
  /** What each route read while rendering in this build. */
  const seen = new Map<string, Set<string>>();
  const slashed = (pathname: string) => pathname.replace(/\/?$/, '/');
  const decoded = (pathname: string) => {
    try {
      return decodeURI(pathname);
    } catch {
      return pathname;
    }
  };

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
      const { paths, listed } = await listPaths(inner);
      const index = reviewedContent();
      const keys = pageKeys(index, contentDir(), index.today);
      known = loadReads();
      const entryOf = (p: StaticPath) =>
        p.route.params.length === 1 && p.route.params[0] === 'id' ? keys.entryPages.get(slashed(p.pathname)) : undefined;
      /** A path may have a key: its route is cleared for keys, and what its props came from is known. */
      const keyable = (p: StaticPath) => isKeyedRoute(p.route.component) && (p.route.params.length === 0 || listed !== undefined);
      for (const p of paths) {
        const route = p.route.component;
        if (known.has(route) || !keyable(p)) continue;
        const address = new URL(p.route.type === 'page' ? slashed(p.pathname) : p.pathname, site);
        const { reads } = await render(inner, new Request(address), { routeData: p.route });
        known.set(route, [...reads]);
      }
      return paths.map((p) => {
        if (!keyable(p)) {
          report.unkeyed++;
          return p;
        }
        const route = p.route.component;
        const entry = entryOf(p);
        // An entry's page gets its own entry from the listing, and its key holds that entry.
        const fromListing = [...(listed?.get(route) ?? [])].filter((c) => c !== entry?.collection);
        keyedPaths.add(slashed(p.pathname));
        report.keyed++;
        return { ...p, cacheKey: keys.keyOf({ route, pathname: p.pathname, entry }, [...(known.get(route) ?? []), ...fromListing]) };
      });
    },
    render: async (request, options) => {
      const { result } = await render(inner, request, options);
      if (keyedPaths.has(slashed(decoded(new URL(request.url).pathname)))) report.rendered++;
      return result;
    },
  });

  return {
    name: 'nastavnik:page-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        astroCache = config.cacheDir;
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
          // Keys made from a union learnt again could match keys of pages that read more: the next build renders everything.
          if (astroCache) fs.rmSync(new URL('incremental-build.json', astroCache), { force: true });
        }
        logger.info(pageCacheUi.summary({ ...report, reused: report.keyed - report.rendered }));
      },
    },
  };
}
