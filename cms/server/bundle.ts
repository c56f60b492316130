/**
 * The admin bundle, built once and reused.
 *
 * Decap CMS is a large React application (about 5 MB of JavaScript): bundling
 * it inside every `astro build` costs seconds and most of a gigabyte of
 * memory, although it depends only on the CMS code, the schemas and the
 * modules they import, and the installed packages — never on content. So it
 * is built by Vite on its own, into a cache folder named by a hash of those
 * inputs, and copied into `dist/admin/` after each build. A content-only
 * rebuild finds the folder and skips the bundling entirely.
 *
 * The bundling runs in a process of its own (cms/server/bundle-process.ts):
 * the bundler's native allocator keeps the pages it touched, about 0.9 GB
 * for Decap, for as long as its process lives. In a child process that
 * memory goes back to the system when the bundle is written, instead of
 * staying with the build or the dev server to the end.
 */
import { spawn } from 'node:child_process';
import { cacheDir } from '../../src/io/cache-dir.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the bundle is made of, relative to the project root. */
export const BUNDLE_INPUTS = ['cms', 'src/schema', 'src/lib', 'src/privacy', 'src/i18n', 'src/styles', 'package-lock.json'] as const;

/** How many bundles the cache keeps (the newest). */
const KEEP = 3;

/** The cache folder of built bundles (src/io/cache-dir.ts). */
export function cacheRoot(root: string): string {
  return cacheDir('cms-bundle', root);
}

function filesUnder(abs: string): string[] {
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => filesUnder(path.join(abs, d.name)));
}

/** A short hash of every input file's path and content. */
export function bundleKey(root: string): string {
  const hash = createHash('sha256');
  const files = BUNDLE_INPUTS.flatMap((p) => filesUnder(path.join(root, p))).sort();
  for (const file of files) {
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** URL folder of a bundle on the site. */
export const bundleBase = (key: string) => `/admin/cms-${key}/`;

/** The entry script's URL. */
export const bundleEntry = (key: string) => `${bundleBase(key)}main.js`;

export interface BundleResult {
  dir: string;
  key: string;
  built: boolean;
  ms: number;
}

/** Vite's build of the bundle, in this process: what cms/server/bundle-process.ts runs. */
export async function viteBuild(root: string, key: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    base: bundleBase(key),
    // Decap's dependencies warn about `eval` and "use client"; neither matters in this bundle.
    logLevel: 'error',
    publicDir: false,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // Only the Russian interface: the bare package would bring every language (cms/decap-locales.ts).
    resolve: { alias: [{ find: /^decap-cms-locales$/, replacement: path.join(root, 'cms/decap-locales.ts') }] },
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      modulePreload: false,
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: path.join(root, 'cms/main.ts'),
        output: { entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
      },
    },
  });
}

/** Bundling never takes this long (a few seconds on a small machine); a child silent for longer is stuck. */
const BUNDLE_TIMEOUT_MS = 10 * 60_000;

/** Runs `viteBuild` in a child process; rejects with its error output when it fails or stalls. */
function buildInChild(root: string, key: string, outDir: string): Promise<void> {
  const script = fileURLToPath(new URL('./bundle-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root, key, outDir], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUNDLE_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const why = signal ? `остановлена (${signal})` : `завершилась с кодом ${code}`;
      reject(new Error(`сборка редактора /admin/ ${why}${errors.trim() ? `: ${errors.trim()}` : ''}`));
    });
  });
}

function prune(cache: string, keep: string): void {
  const entries = fs
    .readdirSync(cache, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, time: fs.statSync(path.join(cache, d.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const [i, e] of entries.entries()) {
    const stale = e.name.includes('.tmp-') ? Date.now() - e.time > 3_600_000 : i >= KEEP && e.name !== keep;
    if (stale) fs.rmSync(path.join(cache, e.name), { recursive: true, force: true });
  }
}

/** Bundles being built by this process, so concurrent callers share one build. */
const building = new Map<string, Promise<BundleResult>>();

/** The cached bundle for `key`, building it first when the cache has none. */
export function ensureBundle(root: string, key = bundleKey(root)): Promise<BundleResult> {
  let pending = building.get(key);
  if (!pending) {
    pending = findOrBuild(root, key).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

async function findOrBuild(root: string, key: string): Promise<BundleResult> {
  const started = performance.now();
  const cache = cacheRoot(root);
  const dir = path.join(cache, key);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) {
    const now = new Date();
    fs.utimesSync(dir, now, now);
    return { dir, key, built: false, ms: performance.now() - started };
  }
  fs.mkdirSync(cache, { recursive: true });
  const tmp = path.join(cache, `${key}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await buildInChild(root, key, tmp);
    fs.writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
    try {
      fs.renameSync(tmp, dir);
    } catch (err) {
      // Another build finished the same bundle first: theirs is identical.
      if (!fs.existsSync(done)) throw err;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  prune(cache, key);
  return { dir, key, built: true, ms: performance.now() - started };
}

/** Copies a bundle into the built site. */
export function copyBundle(bundle: BundleResult, outDir: string): void {
  const target = path.join(outDir, bundleBase(bundle.key));
  fs.cpSync(bundle.dir, target, { recursive: true, filter: (src) => path.basename(src) !== '.complete' });
}
