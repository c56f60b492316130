/**
 * The CMS bundle carries Decap's Russian interface and no other language:
 * decap-cms-app would register every locale of decap-cms-locales, and their
 * words (Bulgarian «Чернова», «draft») look like surnames to the leak scan.
 * Builds the real bundle (or reuses the cached build of these sources).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle } from '../../../cms/server/bundle.ts';
import { phraseKeys } from '../../../cms/locale.ts';
import { ROOT } from '../../helpers/paths.ts';

const require = createRequire(import.meta.url);
const localesDir = path.join(path.dirname(require.resolve('decap-cms-locales/package.json')), 'dist/esm');

type Phrases = { [key: string]: string | Phrases };

function locale(name: string): Phrases {
  const source = fs
    .readFileSync(path.join(localesDir, name, 'index.js'), 'utf8')
    .replace(/export default\s+(\w+);?/, 'module.exports = $1;');
  const module = { exports: {} as Phrases };
  vm.runInNewContext(source, { module });
  return module.exports;
}

const phrases = (p: Phrases): string[] =>
  phraseKeys(p).map((k) => k.split('.').reduce<unknown>((o, part) => (o as Phrases)[part], p) as string);

/** The bundle's string literals: a phrase counts as bundled when one of them is exactly that phrase. */
const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;

let bundleText: string;
let literals: Set<string>;

beforeAll(async () => {
  const bundle = await ensureBundle(ROOT);
  bundleText = fs
    .readdirSync(bundle.dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(bundle.dir, f), 'utf8'))
    .join('\n');
  literals = new Set([...bundleText.matchAll(LITERAL)].map((m) => m[1] ?? m[2] ?? m[3]!));
}, 240_000);

describe('CMS bundle locales', () => {
  it('carries no phrase of another language', () => {
    const shared = new Set([...phrases(locale('ru')), ...phrases(locale('en'))]);
    const others = fs
      .readdirSync(localesDir)
      .filter((d) => d !== 'ru' && d !== 'en' && fs.statSync(path.join(localesDir, d)).isDirectory());
    expect(others.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const name of others) {
      for (const phrase of phrases(locale(name))) {
        if (phrase.length < 6 || shared.has(phrase) || !/\p{L}{4}/u.test(phrase)) continue;
        if (literals.has(phrase)) found.push(`${name}: ${phrase}`);
      }
    }
    expect(found.slice(0, 20)).toEqual([]);
    for (const word of ['Чернова', 'Entwurf', 'Brouillon', 'В роботі']) expect(bundleText).not.toContain(word);
  });

  it('still carries the Russian interface', () => {
    for (const word of ['Черновики', 'Опубликовать']) expect(bundleText).toContain(word);
  });
});
