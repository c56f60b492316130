/**
 * Saving an existing entry in the CMS keeps the file's own style: only the
 * lines of what changed differ (cms/keep-style.ts through cms/formats.ts).
 */
import { describe, expect, it } from 'vitest';
import { SOURCE_KEY } from '../../cms/config.ts';
import { markdownFormat, settingsFormat, yamlFormat } from '../../cms/formats.ts';
import { keepStyle } from '../../cms/keep-style.ts';

const news = markdownFormat('news');
const documents = markdownFormat('documents');

const NEWS = [
  '---',
  '# Новость о старте',
  'title: "Стартовала программа"',
  'date: 2025-09-01',
  "summary: 'Утверждено положение.' # из приказа",
  'tags: [наставничество, старт]',
  '---',
  '',
  'Первый абзац.',
  '',
  '---',
  '',
  'После черты.',
  '',
].join('\n');

const DOCUMENT = [
  '---',
  'title: Приказ о наставничестве',
  'kind: order',
  'level: school',
  'date: 2025-08-29',
  'source: https://school1.example/docs/prikaz-100',
  'signature: { signedAt: 2025-08-29T14:32, key: 01AB }',
  '---',
  '',
  'Текст приказа.',
  '',
].join('\n');

/** The lines of `after` that are not in `before`, and the lines of `before` gone from `after`. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('saving an existing entry', () => {
  it('changes only the line of the changed field, keeping quotes, comments and a flow list', () => {
    const data = news.fromFile(NEWS);
    const after = news.toFile({ ...data, title: 'Программа наставничества стартовала' });
    expect(changedLines(NEWS, after)).toEqual({
      added: ['title: "Программа наставничества стартовала"'],
      removed: ['title: "Стартовала программа"'],
    });
    expect(after.split('\n').length).toBe(NEWS.split('\n').length);
  });

  it('keeps an edited flow list a flow list, and a block list a block list', () => {
    const data = news.fromFile(NEWS);
    const flow = news.toFile({ ...data, tags: ['наставничество', 'старт', 'лицей'] });
    expect(changedLines(NEWS, flow)).toEqual({
      added: ['tags: [наставничество, старт, лицей]'],
      removed: ['tags: [наставничество, старт]'],
    });

    const block = NEWS.replace('tags: [наставничество, старт]', 'tags:\n- наставничество\n- старт');
    const edited = news.toFile({ ...news.fromFile(block), tags: ['наставничество', 'лицей'] });
    expect(changedLines(block, edited)).toEqual({ added: ['- лицей'], removed: ['- старт'] });
  });

  it('edits inside a flow map only the value that changed, and keeps it a flow map', () => {
    const data = documents.fromFile(DOCUMENT);
    const signature = { ...(data.signature as object), key: '02CD' };
    const after = documents.toFile({ ...data, signature });
    expect(changedLines(DOCUMENT, after)).toEqual({
      added: ['signature: { signedAt: 2025-08-29T14:32, key: 02CD }'],
      removed: ['signature: { signedAt: 2025-08-29T14:32, key: 01AB }'],
    });
  });

  it('removes a cleared field with nothing else, and adds a new one in the schema’s order', () => {
    const data = news.fromFile(NEWS);
    const after = news.toFile({ ...data, summary: '', stage: 2 });
    expect(changedLines(NEWS, after)).toEqual({ added: ['stage: 2'], removed: ["summary: 'Утверждено положение.' # из приказа"] });
    expect(after.indexOf('stage: 2')).toBeGreaterThan(after.indexOf('date:'));
    expect(after.indexOf('stage: 2')).toBeLessThan(after.indexOf('tags:'));
  });

  it('never writes the file’s own text into the file, and keeps a body with `---` lines whole', () => {
    const data = news.fromFile(NEWS);
    expect(data[SOURCE_KEY]).toBe(NEWS);
    expect(data.body).toContain('После черты.');
    const after = news.toFile({ ...data, title: 'Другая' });
    expect(after).not.toContain(SOURCE_KEY);
    expect(after.match(/^---$/gm)).toHaveLength(3);
    expect(news.fromFile(after)).toMatchObject({ title: 'Другая', body: data.body });
    expect(news.toFile(data)).toBe(NEWS);
  });

  it('does not add what the widgets hand back for an untouched switch or list the file did not have', () => {
    const plain = NEWS.replace('tags: [наставничество, старт]\n', '');
    const data = news.fromFile(plain);
    expect(news.toFile({ ...data, draft: false, tags: [] })).toBe(plain);
    expect(news.toFile({ ...data, draft: true })).toBe(plain.replace('# Новость о старте\n', 'draft: true\n# Новость о старте\n'));
  });

  it('keeps an unchanged body as the file had it, without a blank line after the front matter too', () => {
    const tight = DOCUMENT.replace('---\n\nТекст', '---\nТекст');
    const after = documents.toFile({ ...documents.fromFile(tight), level: 'municipal' });
    expect(after).toBe(tight.replace('level: school', 'level: municipal'));
    const edited = documents.toFile({ ...documents.fromFile(tight), body: 'Новый текст.' });
    expect(edited).toBe(tight.replace('---\nТекст приказа.\n', '---\n\nНовый текст.\n'));
  });

  it('keeps the style of YAML collections and settings files too', () => {
    const site = ['# Настройки сайта', 'schoolName: "Лицей"', 'sectionTitle: Наставничество', ''].join('\n');
    const data = settingsFormat.fromFile(site);
    const after = settingsFormat.toFile({ ...data, schoolName: 'Лицей № 126' });
    expect(after).toBe(site.replace('"Лицей"', '"Лицей № 126"'));
    const person = yamlFormat('people').fromFile('id: p1 # из анкеты\nname: Иванова\n');
    expect(yamlFormat('people').toFile(person)).toBe('id: p1 # из анкеты\nname: Иванова\n');
  });

  it('writes a new entry as before: no file text to keep', () => {
    const text = news.toFile({ title: 'Новая', date: '2026-01-10', summary: 'Анонс', tags: ['а'] });
    expect(text).toBe(['---', 'title: Новая', 'date: 2026-01-10', 'summary: Анонс', 'tags:', '  - а', '---', ''].join('\n'));
  });
});

describe('keepStyle', () => {
  it('leaves to the fresh writer what it cannot keep safely', () => {
    expect(keepStyle('a: &x 1\nb: *x\n', { a: 2, b: 1 })).toBeUndefined();
    expect(keepStyle('a: 1\na: 2\n', { a: 3 })).toBeUndefined();
    expect(keepStyle('{ a: 1 }\n', { a: 2 })).toBeUndefined();
    expect(keepStyle('a: [1\n', { a: 2 })).toBeUndefined();
  });

  it('takes a removed key’s comment with it and keeps the others', () => {
    const source = '# о заголовке\ntitle: x\n\n# о дате\ndate: 2025-01-01\n';
    expect(keepStyle(source, { date: '2025-01-01' })).toBe('\n# о дате\ndate: 2025-01-01\n');
    expect(keepStyle(source, { title: 'y', date: '2025-01-01' })).toBe(source.replace('title: x', 'title: y'));
  });
});
