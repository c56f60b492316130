/**
 * Merging survey answers into the registry: by name (ё = е), only answered
 * fields, lists merged, manual edits kept, consent required for newcomers,
 * nothing planned that the registry schema would reject.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readVocabularies } from '../../src/validate/site-settings.ts';
import { loadMapping, type SurveyKind } from '../../src/tools/survey/mapping.ts';
import {
  fingerprint,
  nextPersonId,
  planMerge,
  readRegistryFiles,
  STATE_FILE,
  stateText,
  type MergePlan,
} from '../../src/tools/survey/merge.ts';
import { readPersonRows } from '../../src/tools/survey/person-rows.ts';
import { parseCsv } from '../../src/lib/table.ts';
import { writeFilesAtomic as writeAll } from '../../src/io/atomic-write.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';

const TODAY = '2026-11-24';
let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

function plan(csv: string, kind: SurveyKind = 'mentee', ids?: { subjects: Set<string>; difficulties: Set<string> }): MergePlan {
  const vocab = readVocabularies(copy!.dir)!;
  const { files, state } = readRegistryFiles(copy!.dir);
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
  });
  result.notes.unshift(...rows.notes);
  return result;
}

function apply(p: MergePlan): void {
  expect(p.problems).toEqual([]);
  writeAll([
    ...p.changes.map((c) => ({ path: c.path, data: c.text })),
    { path: path.join(copy!.dir, STATE_FILE), data: stateText(p.state) },
  ]);
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

  it('keeps a field edited by hand after the last import, and still updates the others', () => {
    copy = copyDemoContent();
    const csv = (position: string, forms: string) => `ФИО;Должность;Формат\nБелова Ольга Сергеевна;${position};${forms}\n`;
    apply(plan(csv('учитель английского языка', 'Ситуационное')));
    expect(person('p-014').position).toBe('учитель английского языка');
    const state = parseDocument(copy.read(STATE_FILE)).toJS() as { people: Record<string, { fields: Record<string, string> }> };
    expect(state.people['p-014']!.fields.position).toBe(fingerprint('учитель английского языка'));

    copy.write(
      'registry/people/p-014.yaml',
      copy.read('registry/people/p-014.yaml').replace('position: учитель английского языка', 'position: учитель иностранного языка'),
    );
    const second = plan(csv('учитель', 'Виртуальное'));
    const [change] = second.changes;
    expect(change!.kept.map((k) => [k.field, k.before])).toEqual([['position', 'учитель иностранного языка']]);
    expect(change!.changes.map((k) => k.field)).toEqual(['preferredForms']);
    apply(second);
    expect(person('p-014')).toMatchObject({ position: 'учитель иностранного языка', preferredForms: ['situational', 'flash', 'virtual'] });
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
    const p = plan('ФИО;Должность\nБелова Ольга Сергеевна;учитель\nбелова ольга сергеевна;учитель английского языка\n');
    expect(p.changes[0]!.row).toBe(3);
    expect(p.notes[0]).toMatchObject({ row: 2, severity: 'skip' });
  });
});
