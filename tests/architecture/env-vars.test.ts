/**
 * Every environment variable the project reads is documented in the
 * README's table «Переменные окружения»: one place, not 24 scattered ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

/** Variables set by the tools themselves or by Vite and Node, not by a person. */
const INTERNAL = new Set(['DEV', 'NODE_ENV', 'NASTAVNIK_LOCK_HELD_BY', 'NASTAVNIK_CMS_KEY']);

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .flatMap((d) => (d.isFile() && /\.(ts|astro|mjs)$/.test(d.name) ? [path.join(d.parentPath, d.name)] : []));
}

describe('environment variables', () => {
  it('are all in the README', () => {
    const read = new Set<string>();
    for (const file of [...['src', 'cms', 'scripts'].flatMap(sources), path.join(ROOT, 'astro.config.mjs')]) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\benv(?:\?)?\.([A-Z][A-Z0-9_]+)\b|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g))
        read.add(m[1] ?? m[2]!);
    }
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Переменные окружения'),
      readme.indexOf('\n## ', readme.indexOf('## Переменные окружения') + 5),
    );
    const undocumented = [...read].filter((v) => !INTERNAL.has(v) && !table.includes(`\`${v}\``));
    expect(read.size).toBeGreaterThan(10);
    expect(undocumented).toEqual([]);
  });
});
