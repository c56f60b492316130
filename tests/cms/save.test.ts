/**
 * The save hook: an entry the build would reject is refused with the
 * validator's Russian message — a schema problem, a stage number, programme
 * code or monitoring cycle that another file holds, or what the dev server's
 * review of the whole content folder finds (a reference to nothing); an entry
 * the site would withhold (a registry name without consent, a phone number)
 * is refused too, naming the person, with no question to override it; only a
 * warning is put to the editor; no review, no save. A new valid entry gets
 * its transliterated file name; an edited entry keeps its file. The review is
 * the real server half (cms/server/check-server.ts) over the demo content.
 */
import { describe, expect, it } from 'vitest';
import { EntryRejected } from '../../cms/check-entry.ts';
import { FILE_NAME_KEY } from '../../cms/config.ts';
import { reviewEntry, type CheckRequest } from '../../cms/server/check-server.ts';
import { ReviewUnavailable } from '../../cms/browser-review.ts';
import { fetchReview, fetchTaken, makePreSave, SaveCancelled, warningQuestion } from '../../cms/save.ts';
import { takenValuesOf } from '../../src/validate/validate.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import type { TakenValues } from '../../src/lib/unique-fields.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';

/** The slice of Decap's Immutable entry the hook touches. */
function entry(collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const dataMap = (d: Record<string, unknown>) => ({
    toJS: () => d,
    set: (key: string, value: unknown) => dataMap({ ...d, [key]: value }),
  });
  const fields: Record<string, unknown> = { collection, data: dataMap(data), newRecord: true, ...extra };
  return { entry: { get: (key: string) => fields[key] } };
}

/** The demo content's taken values, as /admin/taken.json serves them. */
const demoIndex = reviewContent(SCHOOL_FIXTURE).entries;
const demoEntries = [...demoIndex.values()].flatMap((m) => [...m.values()]);
const demoTaken = takenValuesOf(demoIndex);
let loads = 0;
const requests: CheckRequest[] = [];
const questions: string[] = [];
let answer = true;
const preSave = makePreSave({
  loadTaken: () => {
    loads++;
    return Promise.resolve(demoTaken);
  },
  review: (request) => {
    requests.push(request);
    return Promise.resolve(reviewEntry(request, SCHOOL_FIXTURE));
  },
  confirm: (question) => {
    questions.push(question);
    return answer;
  },
});

const document = { title: 'Приказ о наставничестве', kind: 'order', level: 'school', date: '2026-09-01' };

describe('preSave', () => {
  it('refuses a document with neither a file nor a link, saying why in Russian', async () => {
    const error: unknown = await preSave(entry('documents', document)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect(String(error)).toContain('Сайт с такой записью не соберётся');
    expect(String(error)).toContain('поле «Файл» — укажите файл или ссылку на официальный источник');
    expect(String(error)).not.toMatch(/^Error/);
  });

  it('refuses an event that ends before it starts', async () => {
    const event = {
      title: 'Семинар',
      kind: 'seminar',
      start: '2026-11-20T15:00',
      end: '2026-11-20T13:00',
      place: 'каб. 12',
      stage: 4,
      summary: 'Кратко',
    };
    await expect(preSave(entry('events', event))).rejects.toThrow(/поле «Окончание» — окончание раньше начала/);
  });

  it('names a new entry by its transliterated title and checks it with the cleared fields removed', async () => {
    const result = await preSave(entry('documents', { ...document, source: 'https://docs.example/prikaz', number: '', summary: '' }));
    expect(result?.toJS()).toMatchObject({ [FILE_NAME_KEY]: 'prikaz-o-nastavnichestve' });
  });

  it('leaves an edited entry where it is', async () => {
    await expect(
      preSave(
        entry(
          'documents',
          { ...document, source: 'https://docs.example/x' },
          { newRecord: false, path: 'tests/fixtures/school/documents/x.md' },
        ),
      ),
    ).resolves.toBeUndefined();
  });

  it('checks a settings file by its own schema', async () => {
    await expect(preSave(entry('settings', { schoolName: 'Лицей' }, { slug: 'site', newRecord: false }))).rejects.toThrow(
      /Краткое название/,
    );
  });
});

describe('preSave and the values other entries hold', () => {
  const stage1 = demoEntries.find((e) => e.collection === 'roadmap' && e.parsed.stage === 1)!;
  const programme = demoEntries.find((e) => e.collection === 'programs')!;

  it('refuses to give a stage the number another stage has, naming the file that has it', async () => {
    const stage2 = demoEntries.find((e) => e.collection === 'roadmap' && e.parsed.stage === 2)!;
    const edited = entry('roadmap', { ...stage2.parsed, stage: 1 }, { newRecord: false, path: stage2.file });
    await expect(preSave(edited)).rejects.toThrow(`поле «Номер этапа» — значение «1» уже занято в ${stage1.file}`);
  });

  it('refuses a new programme with a code already in use', async () => {
    const copy = entry('programs', { ...programme.parsed });
    const error: unknown = await preSave(copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect((error as EntryRejected).problems).toEqual([
      expect.objectContaining({ rule: 'duplicate', field: 'code', message: expect.stringContaining(programme.file) as unknown }),
    ]);
  });

  it('saves an entry that keeps its own value', async () => {
    await expect(preSave(entry('roadmap', { ...stage1.parsed }, { newRecord: false, path: stage1.file }))).resolves.toBeUndefined();
    await expect(preSave(entry('programs', { ...programme.parsed }, { newRecord: false, path: programme.file }))).resolves.toBeUndefined();
  });

  it('asks for the taken values only once the entry passes its schema', async () => {
    const before = loads;
    await preSave(entry('documents', document)).catch(() => undefined);
    expect(loads).toBe(before);
    await preSave(entry('roadmap', { ...stage1.parsed }, { newRecord: false, path: stage1.file }));
    expect(loads).toBe(before + 1);
  });

  it('goes on without the taken values, but never without the review', async () => {
    await expect(fetchTaken('http://127.0.0.1:9/admin/taken.json')).resolves.toEqual({});
    await expect(fetchReview({ collection: 'news', data: {} }, 'http://127.0.0.1:9/admin/api/k/check.json')).rejects.toThrow(
      ReviewUnavailable,
    );
    const blind = makePreSave({
      loadTaken: () => Promise.resolve({} as TakenValues),
      review: () => Promise.reject(new ReviewUnavailable('сервер редактора не ответил')),
      confirm: () => true,
    });
    await expect(blind(entry('roadmap', { ...stage1.parsed }, { newRecord: false, path: stage1.file }))).rejects.toThrow(
      /Не удалось проверить запись на персональные данные \(сервер редактора не ответил\)/,
    );
  });
});

describe('preSave and the review of the whole content folder', () => {
  const news = demoEntries.find((e) => e.collection === 'news')!;
  const stage1 = demoEntries.find((e) => e.collection === 'roadmap' && e.parsed.stage === 1)!;
  const item = (body: string, extra: Record<string, unknown> = {}) =>
    entry('news', { ...news.parsed, title: 'Открытый урок в 5 «Б»', body }, extra);

  it('sends a new entry under the file name it will get, and saves a clean one without a question', async () => {
    const asked = questions.length;
    const result = await preSave(item('Урок прошёл в библиотеке лицея.'));
    expect(requests.at(-1)).toMatchObject({
      collection: 'news',
      id: result?.toJS()[FILE_NAME_KEY],
      body: 'Урок прошёл в библиотеке лицея.',
    });
    expect(questions.length).toBe(asked);
  });

  it('refuses a text that names a registry person without consent, naming the person, without asking', async () => {
    const asked = questions.length;
    const error: unknown = await preSave(item('Открытый урок провела Вера Игоревна Воронцова.')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect(String(error)).toContain('Сайт не опубликует такую запись');
    expect(String(error)).toContain('Воронцова Вера Игоревна');
    expect(String(error)).not.toMatch(/p-\d{3}/);
    expect(questions.length).toBe(asked);
  });

  it('refuses a phone number in the text, whatever the editor would answer', async () => {
    answer = true;
    const error: unknown = await preSave(item('Запись на консультацию по телефону +7 (921) 555-12-34.')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect((error as EntryRejected).problems).toEqual([expect.objectContaining({ rule: 'pii-contact' })]);
  });

  it('asks about a name-like string that is not in the registry, and saves only on «yes»', async () => {
    const body = 'Консультацию провела Мария Ивановна Сидорова.';
    answer = false;
    await expect(preSave(item(body))).rejects.toBeInstanceOf(SaveCancelled);
    expect(questions.at(-1)).toMatch(/^Проверьте перед сохранением:\n• текст — «М… И… С…»: похоже на ФИО/);
    answer = true;
    await expect(preSave(item(body))).resolves.toBeDefined();
  });

  it('refuses a stage whose activity points at a document that does not exist', async () => {
    const activities = structuredClone(stage1.parsed.activities) as { documents: string[] }[];
    activities[0]!.documents = ['net-takogo-dokumenta'];
    const edited = entry('roadmap', { ...stage1.parsed, activities }, { newRecord: false, path: stage1.file });
    const error: unknown = await preSave(edited).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect((error as EntryRejected).problems).toEqual([
      expect.objectContaining({ rule: 'reference', message: expect.stringContaining('«net-takogo-dokumenta» не найдена') as unknown }),
    ]);
  });

  it('words the question with every warning', () => {
    const p = (message: string) => ({ file: 'f', rule: 'r', message, severity: 'warning' as const });
    expect(warningQuestion([])).toBeUndefined();
    expect(warningQuestion([p('первое'), p('второе')])).toBe(
      'Проверьте перед сохранением:\n• первое\n• второе\n\nСохранить запись как есть?',
    );
  });
});

describe('preSave after a refused save', () => {
  const revealed: (string | undefined)[] = [];
  const revealing = makePreSave({
    loadTaken: () => Promise.resolve(demoTaken),
    review: (request) => Promise.resolve(reviewEntry(request, SCHOOL_FIXTURE)),
    confirm: () => true,
    reveal: (field) => revealed.push(field),
  });

  it('brings the first field with a problem into view', async () => {
    revealed.length = 0;
    const error: unknown = await revealing(entry('documents', { ...document, title: '' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect(revealed).toEqual([(error as EntryRejected).problems.find((p) => p.field)?.field]);
    expect(revealed[0]).toBeTruthy();
  });

  it('reveals nothing when the entry is saved', async () => {
    revealed.length = 0;
    const news = { title: 'Встреча наставников', date: '2026-09-01', summary: 'Короткая встреча.' };
    await revealing(entry('news', news)).catch(() => undefined);
    expect(revealed).toEqual([]);
  });
});
