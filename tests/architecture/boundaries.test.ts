/**
 * The folders of docs/architecture.md and who may import whom, checked on
 * the real import statements of every module: a boundary crossed, an import
 * cycle, node I/O in the pure `src/lib/` or a registry import outside the
 * privacy layer fails here with the file and the import that did it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

type Layer =
  | 'lib'
  | 'schema'
  | 'i18n'
  | 'io'
  | 'validate'
  | 'privacy'
  | 'build'
  | 'integrations'
  | 'data'
  | 'site'
  | 'styles'
  | 'tools'
  | 'checks'
  | 'client'
  | 'cms'
  | 'cms-server'
  | 'scripts'
  | 'bench'
  | 'config';

const LAYERS: [RegExp, Layer][] = [
  [/^src\/lib\//, 'lib'],
  [/^src\/schema\//, 'schema'],
  [/^src\/i18n\//, 'i18n'],
  [/^src\/io\//, 'io'],
  [/^src\/validate\//, 'validate'],
  [/^src\/privacy\//, 'privacy'],
  [/^src\/build\//, 'build'],
  [/^src\/integrations\//, 'integrations'],
  [/^src\/data\//, 'data'],
  [/^src\/styles\//, 'styles'],
  [/^src\/(pages|components|layouts)\/|^src\/content\.config\.ts$/, 'site'],
  [/^src\/tools\//, 'tools'],
  [/^src\/checks\//, 'checks'],
  [/^src\/client\//, 'client'],
  [/^cms\/server\//, 'cms-server'],
  [/^cms\//, 'cms'],
  [/^scripts\//, 'scripts'],
  [/^bench\//, 'bench'],
  [/^astro\.config\.mjs$/, 'config'],
];

const PURE: Layer[] = ['lib', 'schema', 'i18n'];
/** Who may import whom (docs/architecture.md, «Кто что может импортировать»). */
const ALLOWED: Record<Layer, Layer[]> = {
  lib: PURE,
  schema: PURE,
  i18n: PURE,
  io: ['lib', 'io'],
  validate: [...PURE, 'io', 'validate'],
  privacy: [...PURE, 'io', 'validate', 'privacy'],
  build: [...PURE, 'io', 'validate', 'privacy', 'build'],
  integrations: [...PURE, 'io', 'validate', 'privacy', 'build', 'integrations', 'cms-server'],
  data: [...PURE, 'io', 'validate', 'privacy', 'build', 'data'],
  site: [...PURE, 'data', 'site', 'styles', 'privacy', 'client', 'cms'],
  styles: ['styles'],
  tools: [...PURE, 'io', 'validate', 'privacy', 'tools'],
  checks: ['lib', 'checks'],
  client: ['lib', 'i18n', 'client'],
  cms: [...PURE, 'privacy', 'validate', 'styles', 'cms'],
  'cms-server': [...PURE, 'io', 'validate', 'privacy', 'build', 'cms', 'cms-server'],
  scripts: [...PURE, 'io', 'validate', 'privacy', 'build', 'integrations', 'tools', 'checks', 'cms', 'cms-server', 'scripts', 'bench'],
  bench: [...PURE, 'io', 'validate', 'privacy', 'build', 'tools', 'checks', 'cms', 'bench'],
  config: [...PURE, 'io', 'validate', 'build', 'integrations', 'cms-server'],
};

/** Modules of `src/privacy` the site may import: descriptors, never records. */
const SITE_PRIVACY = ['src/privacy/public.ts', 'src/privacy/gate.ts'];
/** The registry's file I/O: only the privacy layer, the methodologist's tools and the CMS server (it names people to editors). */
const REGISTRY = /^src\/privacy\/registry(-files)?\.ts$/;
const REGISTRY_READERS: Layer[] = ['privacy', 'tools', 'cms-server', 'scripts'];
/** What the browser's CMS may take from `src/privacy`: pure modules (no file access). */
const BROWSER_PRIVACY = /^src\/privacy\/(pii-scan|names|normalise-text|consent-policy|anonymise|review)\.ts$/;
const NODE_IO = /^(node:)?(fs|fs\/promises|child_process|os|worker_threads|net|http|https|zlib|module)$|^sharp$|^astro:/;

function layerOf(file: string): Layer | undefined {
  return LAYERS.find(([re]) => re.test(file))?.[1];
}

function modules(): string[] {
  const out: string[] = ['astro.config.mjs'];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${d.name}`;
      if (d.isDirectory()) walk(rel);
      else if (/\.(ts|astro|mjs)$/.test(d.name) && !d.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const dir of ['src', 'cms', 'scripts', 'bench']) walk(dir);
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Import {
  from: string;
  spec: string;
  /** Resolved path relative to the project, for relative imports. */
  to?: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3]!;
    const to = spec.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.replace(/\?.*$/, '')))
      : undefined;
    out.push({ from: file, spec, ...(to ? { to } : {}), typeOnly: Boolean(m[1]) });
  }
  return out;
}

const all = modules();
const imports = all.flatMap(importsOf);

describe('import boundaries of docs/architecture.md', () => {
  it('puts every module in a folder of the architecture', () => {
    expect(all.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('lets each folder import only what the architecture allows', () => {
    const crossed = imports.flatMap((i) => {
      if (!i.to) return [];
      const from = layerOf(i.from)!;
      const to = layerOf(i.to);
      if (!to || ALLOWED[from].includes(to)) {
        if (from === 'site' && to === 'privacy' && !SITE_PRIVACY.includes(i.to)) return [`${i.from} → ${i.spec}`];
        if (from === 'cms' && to === 'privacy' && !i.typeOnly && !BROWSER_PRIVACY.test(i.to)) return [`${i.from} → ${i.spec}`];
        return [];
      }
      return [`${i.from} (${from}) → ${i.spec} (${to})`];
    });
    expect(crossed).toEqual([]);
  });

  it('bundles no Node module into the browser’s CMS, however far down it is imported', () => {
    const builtin = /^node:|^(fs|fs\/promises|path|os|crypto|child_process|worker_threads|url|zlib|module|net|http|https|stream)$/;
    const seen = new Set<string>();
    const reached: string[] = [];
    const visit = (file: string, via: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of imports.filter((x) => x.from === file && !x.typeOnly)) {
        if (builtin.test(i.spec)) reached.push([...via, file, i.spec].join(' → '));
        else if (i.to && fs.existsSync(path.join(ROOT, i.to))) visit(i.to, [...via, file]);
      }
    };
    visit('cms/main.ts', []);
    expect(seen.size).toBeGreaterThan(10);
    expect(reached).toEqual([]);
  });

  it('keeps src/lib free of file, process and network access', () => {
    const io = imports.filter((i) => layerOf(i.from) === 'lib' && NODE_IO.test(i.spec)).map((i) => `${i.from} → ${i.spec}`);
    expect(io).toEqual([]);
  });

  it('lets only the privacy layer, the tools and the CMS server read the registry', () => {
    const readers = imports
      .filter((i) => i.to && REGISTRY.test(i.to) && !i.typeOnly && !REGISTRY_READERS.includes(layerOf(i.from)!))
      .map((i) => `${i.from} → ${i.spec}`);
    expect(readers).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    const graph = new Map<string, string[]>();
    // Type-only imports are erased before anything runs: they cannot form a cycle of modules.
    for (const i of imports) if (i.to && !i.typeOnly && all.includes(i.to)) graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].join(' → '));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
