/**
 * Wires the CMS into Astro.
 *
 * The admin page loads the CMS bundle (cms/server/bundle.ts), under `astro dev` as
 * in a build: Decap is too large for Vite's on-demand dependency
 * pre-bundling, which re-runs (and reloads the page) whenever it meets a new
 * import or another process touches its cache. So:
 * - `astro build`: the pages name the bundle of the sources the build
 *   started with; once they are built, a post-build step (`cmsBundle`,
 *   src/integrations/post-steps.ts) builds it when the cache has none and
 *   copies it into `dist/admin/`;
 * - `astro dev`: the page asks for the bundle of the current sources on
 *   every visit (built once per change) and the dev server serves it from
 *   the cache; a small dev-only script keeps the page from reloading when
 *   content changes on disk (cms/dev-reload.ts).
 * The page learns the script URL from a virtual module. Under `astro dev` the
 * server also guards every /admin/ request and serves the CMS's local API
 * (cms/server/local-api.ts): saves and the save check, with no second server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { bundleEntry, bundleKey, cacheRoot, copyBundle, ensureBundle } from './bundle.ts';
import { apiKey } from './api-key.ts';
import { localApi } from './local-api.ts';

const VIRTUAL = 'virtual:nastavnik/cms';
const RESOLVED = `\0${VIRTUAL}`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

type Next = () => void;
interface Res {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body?: Buffer): void;
}

/**
 * Serves `/admin/cms-<key>/<file>` from the bundle cache under `astro dev`.
 * The key is the bundle's content hash, so a browser may keep a file for good.
 */
export function serveBundle(root: string) {
  return (req: { url?: string }, res: Res, next: Next) => {
    const match = /^\/admin\/cms-([0-9a-f]{16})\/(\w[\w.-]*)(\?.*)?$/.exec(req.url ?? '');
    if (!match) return next();
    const file = path.join(cacheRoot(root), match[1]!, match[2]!);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
    res.statusCode = 200;
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.end(fs.readFileSync(file));
  };
}

function virtualModule(dev: boolean, root: string, key: string): string {
  if (!dev) {
    return [
      `export const cmsScript = async () => ${JSON.stringify(bundleEntry(key))};`,
      'export const devScript = null;',
      'export const localApiPath = () => undefined;',
    ].join('\n');
  }
  const bundle = JSON.stringify(path.join(root, 'cms/server/bundle.ts'));
  const apiKey = JSON.stringify(path.join(root, 'cms/server/api-key.ts'));
  return [
    `import { bundleEntry, ensureBundle } from ${bundle};`,
    `export { localApiPath } from ${apiKey};`,
    `export const cmsScript = async () => bundleEntry((await ensureBundle(${JSON.stringify(root)})).key);`,
    `export const devScript = '/cms/dev-reload.ts';`,
  ].join('\n');
}

/** The bundle key the pages of this process's build name (set when `astro build` starts). */
let keyOfBuild: string | undefined;

/** The key of the bundle this build's admin page loads: the one it started with, or that of the current sources. */
export function bundleKeyOfBuild(root: string): string {
  return keyOfBuild ?? bundleKey(root);
}

/**
 * The post-build step that puts the admin bundle into the site: built (in a
 * process of its own) when the cache lacks it, then copied. `givenKey`
 * stands in for this process's own build (the post-step process has none).
 */
export function cmsBundle(givenKey?: string): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'nastavnik:cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = path.resolve(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const result = await ensureBundle(root, givenKey ?? bundleKeyOfBuild(root));
        copyBundle(result, fileURLToPath(dir));
        const how = result.built ? `собран за ${(result.ms / 1000).toFixed(1)} с` : 'взят из кэша';
        logger.info(`редактор /admin/: ${how} (${path.relative(root, result.dir)})`);
      },
    },
  };
}

export function cmsAdmin(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'nastavnik:cms',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        root = path.resolve(fileURLToPath(config.root));
        const dev = command === 'dev';
        const key = dev ? '' : bundleKey(root);
        if (command === 'build') keyOfBuild = key;
        // Drawn here when `astro dev` runs without scripts/dev.ts; kept across config restarts.
        if (dev) apiKey();
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nastavnik:cms',
                resolveId: (id: string) => (id === VIRTUAL ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? virtualModule(dev, root, key) : undefined),
                configureServer: (server: ViteDevServer) => {
                  server.middlewares.use(serveBundle(root));
                  // Astro puts its own middlewares in front of the stack after the others are set up; the guard
                  // goes in front of them all, later still: nothing under /admin/ answers an unchecked request.
                  return () => {
                    server.middlewares.stack.unshift({ route: '', handle: localApi({ log: (line) => logger.warn(line) }) });
                  };
                },
              },
            ],
          },
        });
      },
    },
  };
}
