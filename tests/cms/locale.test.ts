/** The CMS speaks Russian everywhere: no phrase of Decap's English locale is missing in ours. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { phraseKeys, russianPhrases } from '../../cms/locale.ts';

const require = createRequire(import.meta.url);
const localesDir = path.join(path.dirname(require.resolve('decap-cms-locales/package.json')), 'dist/esm');

/** Decap's locale files are ES modules without a package type; read them as the bundle does. */
function locale(name: string) {
  const source = fs
    .readFileSync(path.join(localesDir, name, 'index.js'), 'utf8')
    .replace(/export default\s+(\w+);?/, 'module.exports = $1;');
  const module = { exports: {} as Record<string, never> };
  vm.runInNewContext(source, { module });
  return module.exports;
}

describe('Russian CMS locale', () => {
  const english = phraseKeys(locale('en'));
  const russian = russianPhrases(locale('ru'));

  it('has every phrase of the English locale', () => {
    const keys = new Set(phraseKeys(russian));
    expect(english.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('adds Russian, not English, text', () => {
    const added = phraseKeys(russian).filter((k) => !phraseKeys(locale('ru')).includes(k));
    expect(added.length).toBeGreaterThan(10);
    const text = (k: string) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], russian) as string;
    for (const k of added) expect(text(k), k).toMatch(/[а-яё]/i);
  });
});
