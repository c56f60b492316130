/**
 * Merging survey answers into the registry: by name (ё = е), only answered
 * fields, lists merged, values typed by hand kept unless `overwrite`, newer
 * answers winning by the form's timestamp, consent required for newcomers,
 * nothing planned that the registry schema would reject.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readVocabularies } from '../../src/validate/site-settings.ts';
import { loadMapping, type SurveyKind } from '../../src/tools/survey/mapping.ts';
import { nextPersonId, planMerge, stateText, type ImportState, type MergePlan } from '../../src/tools/survey/merge.ts';
import { readPersonRows } from '../../src/tools/survey/person-rows.ts';
import { parseCsv } from '../../src/lib/table.ts';
import { writeFilesAtomic as writeAll } from '../../src/io/atomic-write.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { readPeopleFiles } from '../../src/privacy/registry-files.ts';
import { keyedFingerprint } from '../../src/privacy/secret-key.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';

const TODAY = '2026-11-24';
const KEY = Buffer.alloc(32, 7);
const fingerprint = (v: unknown) => keyedFingerprint(KEY, v);
let copy: ContentCopy | undefined;
let state: ImportState = { version: 2, people: {} };
afterEach(() => {
  copy?.cleanup();
  state = { version: 2, people: {} };
});

function plan(
  csv: string,
  kind: SurveyKind = 'mentee',
  ids?: { subjects: Set<string>; difficulties: Set<string> },
  overwrite = false,
): MergePlan {
  const vocab = readVocabularies(copy!.dir)!;
  const files = readPeopleFiles(copy!.dir);
  const people = files.flatMap((f) => (f.record && 'name' in f.record ? [{ id: f.id, name: f.record.name }] : []));
  const rows = readPersonRows(parseCsv(csv), loadMapping(kind, vocab), { vocab, people, currentYear: 2026 });
  const result = planMerge({
    kind,
    people: rows.people,
    files,
    state,
    ids: ids ?? { subjects: new Set(vocab.subjects.map((s) => s.id)), difficulties: new Set(vocab.difficulties.map((d) => d.id)) },
    today: TODAY,
    source: 'anketa.csv',
    hasConsentColumn: rows.hasConsentColumn,
    root: copy!.dir,
    fingerprint,
    overwrite,
  });
  result.notes.unshift(...rows.notes);
  return result;
}

function apply(p: MergePlan): void {
  expect(p.problems).toEqual([]);
  writeAll(p.changes.map((c) => ({ path: c.path, data: c.text })));
  state = p.state;
  // The state file's text must round-trip.
  expect(parseDocument(stateText(p.state)).toJS()).toEqual(JSON.parse(JSON.stringify(p.state)));
}

const person = (id: string) => parseDocument(copy!.read(`registry/people/${id}.yaml`)).toJS() as Record<string, unknown>;

describe('planMerge', () => {
  it('finds people by name with ё = е and any case, and changes only what the survey answers', () => {
    copy = copyDemoContent();
    const before = copy.read('registry/people/p-013.yaml');
    const p = plan('ФИО;Трудности;Формат\nФЕДОРОВ денис алексеевич;Цифровые инструменты, Классное руководство;Ситуационное\n');
    expect(p.changes).toHaveLength(1);
    const [c] = p.changes;
    expect(c!.id).toBe('p-013');
    expect(c!.changes.map((f) => [f.field, f.after])).toEqual([['requests', ['documentation', 'adaptation', 'digital', 'class-teacher']]]);
    apply(p);
    const after = copy.read('registry/people/p-013.yaml');
    expect(after.split('\n').slice(0, 2)).toEqual(before.split('\n').slice(0, 2));
    expect(after).toContain('requests: [documentation, adaptation, digital, class-teacher]');
    expect(after.replace(/^requests:.*$/m, '')).toBe(before.replace(/^requests:.*$/m, ''));
  });

  it('adds a newcomer only with a processing consent date, under the next free id after every file', () => {
    copy = copyDemoContent();
    const csv =
      'ФИО;Должность;Предмет;Стаж;Категория;Трудности;Дата согласия на обработку ПДн\n' +
      'Лебедева Мария Игоревна;учитель;Физика;1;без категории;Работа с родителями;02.10.2026\n' +
      'Морозов Артём Валерьевич;учитель;Информатика;2;нет;Цифровые инструменты;\n';
    const p = plan(csv);
    const ids = fs.readdirSync(path.join(copy.dir, 'registry/people')).map((f) => f.replace('.yaml', ''));
    expect(p.changes.map((c) => [c.id, c.isNew])).toEqual([[nextPersonId(ids), true]]);
    expect(p.notes.find((n) => n.row === 3)?.message).toMatch(
      /Морозов Артём Валерьевич: нового участника нельзя внести в реестр без согласия на обработку/,
    );
    apply(p);
    const created = person(p.changes[0]!.id);
    expect(created).toMatchObject({
      name: { last: 'Лебедева', first: 'Мария', middle: 'Игоревна' },
      gender: 'female',
      roles: ['mentee'],
      subjects: ['physics'],
      teachingSince: 2025,
      requests: ['parents'],
      consents: { processing: { signed: '2026-10-02' } },
    });
    expect(reviewContent(copy.dir).problems.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('says why a newcomer is skipped when the export has no consent column at all', () => {
    copy = copyDemoContent();
    const p = plan('ФИО;Должность;Стаж\nЛебедева Мария Игоревна;учитель;1\n');
    expect(p.changes).toEqual([]);
    expect(p.notes[0]!.message).toMatch(/в выгрузке нет колонки с датой согласия/);
  });

  it('never replaces a value typed by hand on the first import; lists still grow; --overwrite replaces and says so', () => {
    copy = copyDemoContent();
    copy.write(
      'registry/people/p-014.yaml',
      copy
        .read('registry/people/p-014.yaml')
        .replace('position: учитель', 'position: учитель английского языка (приказ № 12-к)\nrequestsNote: записано куратором после беседы'),
    );
    const csv = 'ФИО;Должность;Опишите трудности своими словами;Формат\nБелова Ольга Сергеевна;учитель;не успеваю;Виртуальное\n';
    const first = plan(csv);
    const [change] = first.changes;
    expect(change!.kept.map((k) => [k.field, k.reason, k.before])).toEqual([
      ['position', 'manual', 'учитель английского языка (приказ № 12-к)'],
      ['requestsNote', 'manual', 'записано куратором после беседы'],
    ]);
    expect(change!.changes.map((k) => k.field)).toEqual(['preferredForms']);
    apply(first);
    expect(person('p-014')).toMatchObject({
      position: 'учитель английского языка (приказ № 12-к)',
      requestsNote: 'записано куратором после беседы',
    });
    const forced = plan(csv, 'mentee', undefined, true);
    expect(forced.changes[0]!.changes.filter((c) => c.overwritten).map((c) => [c.field, c.after])).toEqual([
      ['position', 'учитель'],
      ['requestsNote', 'не успеваю'],
    ]);
  });

  it('replaces what it wrote itself, but keeps a later hand edit of it', () => {
    copy = copyDemoContent();
    const csv = (position: string) => `ФИО;Должность\nБелова Ольга Сергеевна;${position}\n`;
    apply(plan(csv('учитель английского языка'), 'mentee', undefined, true));
    expect(state.people['p-014']!.fields.position).toBe(fingerprint('учитель английского языка'));
    // Keyed: a plain hash of the value, which anyone holding the value could compute, is not what is stored.
    const plain = crypto.createHash('sha256').update(JSON.stringify('учитель английского языка')).digest('hex');
    expect(JSON.stringify(state)).not.toContain(plain.slice(0, 16));
    expect(JSON.stringify(state)).not.toContain('учитель');
    apply(plan(csv('учитель иностранного языка')));
    expect(person('p-014').position).toBe('учитель иностранного языка');
    copy.write(
      'registry/people/p-014.yaml',
      copy.read('registry/people/p-014.yaml').replace('учитель иностранного языка', 'учитель английского и немецкого языков'),
    );
    const third = plan(csv('учитель'));
    expect(third.unchanged[0]!.kept.map((k) => [k.field, k.reason])).toEqual([['position', 'manual']]);
  });

  it('lets the newer answer win by the form’s timestamp, whatever the order of imports', () => {
    copy = copyDemoContent();
    const csv = (when: string, position: string) => `Отметка времени;ФИО;Должность\n${when};Белова Ольга Сергеевна;${position}\n`;
    apply(plan(csv('05.10.2026 12:00', 'учитель английского языка'), 'mentee', undefined, true));
    const older = plan(csv('01.10.2026 09:30', 'учитель'));
    expect(older.changes).toEqual([]);
    expect(older.unchanged[0]!.kept).toEqual([
      {
        field: 'position',
        before: 'учитель английского языка',
        after: 'учитель',
        reason: 'older',
        answered: { incoming: '2026-10-01T09:30', applied: '2026-10-05T12:00' },
      },
    ]);
    apply(plan(csv('2026-10-07 08:00:00', 'учитель иностранного языка')));
    expect(person('p-014').position).toBe('учитель иностранного языка');
  });

  it('within one file, keeps the later answer by time, not by row', () => {
    copy = copyDemoContent();
    const p = plan(
      'Отметка времени;ФИО;Должность\n07.10.2026 10:00;Белова Ольга Сергеевна;учитель иностранного языка\n02.10.2026 10:00;Белова Ольга Сергеевна;учитель\n',
      'mentee',
      undefined,
      true,
    );
    expect(p.changes[0]!.changes.find((c) => c.field === 'position')!.after).toBe('учитель иностранного языка');
    expect(p.notes.find((n) => n.row === 3)).toMatchObject({ severity: 'skip' });
  });

  it('finds people whose name is written first name first, or without the patronymic', () => {
    copy = copyDemoContent();
    const p = plan('ФИО;Формат\nОльга Сергеевна Белова;Виртуальное\nИлья Попов;Виртуальное\n');
    expect(p.changes.map((c) => c.id)).toEqual(['p-014', 'p-015']);
    expect(p.changes.some((c) => c.isNew)).toBe(false);
  });

  it('files a newcomer written first name first with the right surname', () => {
    copy = copyDemoContent();
    const csv =
      'ФИО;Должность;Стаж;Дата согласия на обработку ПДн\n' +
      'Екатерина Сергеевна Андреева;учитель;1;02.10.2026\n' +
      'Мария Лебедева;учитель;2;02.10.2026\n';
    const p = plan(csv);
    expect(p.changes.map((c) => c.name)).toEqual(['Андреева Екатерина Сергеевна', 'Лебедева Мария']);
  });

  it('does not touch a person whose processing consent was withdrawn', () => {
    copy = copyDemoContent();
    copy.write(
      'registry/people/p-014.yaml',
      copy.read('registry/people/p-014.yaml').replace('signed: 2025-09-15', 'signed: 2025-09-15\n    withdrawn: 2026-10-01'),
    );
    const p = plan('ФИО;Должность\nБелова Ольга Сергеевна;учитель английского языка\n');
    expect(p.changes).toEqual([]);
    expect(p.notes[0]!.message).toMatch(/p-014.*согласие на обработку ПДн отозвано — данные не обновляются/);
  });

  it('refuses to guess between two people with one name', () => {
    copy = copyDemoContent();
    copy.write('registry/people/p-099.yaml', copy.read('registry/people/p-014.yaml').replace('id: p-014', 'id: p-099'));
    const p = plan('ФИО;Должность\nБелова Ольга Сергеевна;учитель\n');
    expect(p.changes).toEqual([]);
    expect(p.notes[0]!.message).toMatch(/несколько подходящих людей \(p-014, p-099\)/);
  });

  it('makes a mentor of a candidate with the default capacity and says the agreement is still needed', () => {
    copy = copyDemoContent();
    const p = plan('ФИО;Готовы ли вы стать наставником?;С чем готовы помочь\nБелова Ольга Сергеевна;Да;Мотивация учащихся\n', 'mentor');
    const [c] = p.changes;
    expect(c!.changes.map((f) => [f.field, f.after])).toEqual([
      ['competencies', ['motivation']],
      ['roles', ['mentee', 'mentor']],
      ['capacity', 2],
    ]);
    expect(c!.notes.join(' ')).toMatch(/ст\. 351\.8 ТК РФ/);
  });

  it('plans nothing to write when a merged record would fail the schema or a reference', () => {
    copy = copyDemoContent();
    const p = plan('ФИО;Предмет\nБелова Ольга Сергеевна;Физика\n', 'mentee', { subjects: new Set(['english']), difficulties: new Set() });
    expect(p.problems.join('\n')).toMatch(/p-014\.yaml: предмет «physics» не найден в справочнике/);
  });

  it('reports a repeated form and keeps the later answer', () => {
    copy = copyDemoContent();
    const p = plan('ФИО;Формат\nБелова Ольга Сергеевна;Групповое\nбелова ольга сергеевна;Виртуальное\n');
    expect(p.changes[0]!.row).toBe(3);
    expect(p.notes[0]).toMatchObject({ row: 2, severity: 'skip' });
  });
});
