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

describe('Russian CMS locale: the phrases Decap gets wrong', () => {
  const russian = russianPhrases(locale('ru'));
  const text = (key: string) => key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], russian);
  const all = phraseKeys(russian).map((k) => String(text(k)));

  it('spells the toolbar and agrees the optional mark with a label of any gender', () => {
    expect(text('editor.editorWidgets.markdown.bold')).toBe('Полужирный');
    expect(text('editor.editorControl.field.optional')).toBe('необязательно');
    expect(all.filter((t) => /Полужиный|необязательный/.test(t))).toEqual([]);
  });

  it('does not claim a save that did not happen, nor a search that is not running', () => {
    expect(text('editor.editorToolbar.changesSaved')).not.toMatch(/сохранены/);
    expect(text('mediaLibrary.mediaLibraryModal.search')).not.toMatch(/Идёт|…/);
  });

  it('never glues a field label to a count or to «Добавить»', () => {
    expect(text('editor.editorWidgets.list.add')).toBe('Добавить %{item}');
    for (const key of ['rangeCount', 'rangeCountExact', 'rangeMin', 'rangeMax'])
      expect(text(`editor.editorControlPane.widget.${key}`), key).not.toContain('%{fieldLabel}');
  });
});
