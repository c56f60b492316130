import { afterEach, describe, expect, it } from 'vitest';
import { reviewContent } from '../../src/privacy/gate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { DEMO_CONTENT } from '../helpers/paths.ts';

let content: TempContent | undefined;
afterEach(() => content?.cleanup());

function problemsAfter(change: (c: TempContent) => void) {
  content = tempContent();
  change(content);
  return reviewContent(content.dir).problems;
}

describe('validateContent', () => {
  it('accepts the minimal fixture and the demo content without a problem', () => {
    content = tempContent();
    expect(reviewContent(content.dir).problems).toEqual([]);
    expect(reviewContent(DEMO_CONTENT).problems).toEqual([]);
  });

  it('counts the entries of every collection', () => {
    content = tempContent();
    const { entries } = reviewContent(content.dir);
    expect(Object.fromEntries([...entries].map(([k, v]) => [k, v.size]))).toMatchObject({
      roadmap: 1,
      documents: 1,
      programs: 1,
      practices: 1,
      news: 1,
      events: 1,
      materials: 1,
      monitoring: 1,
      site: 1,
      vocabularies: 1,
      people: 3,
    });
  });

  it('names file and field of a bad date, and shows what it got', () => {
    const problems = problemsAfter((c) => c.edit('news/2025-09-01-start.md', (t) => t.replace('date: 2025-09-01', 'date: 32.13.2025')));
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'schema',
        field: 'date',
        message: 'поле «Дата публикации» — ожидается дата в формате ГГГГ-ММ-ДД, получено «32.13.2025»',
      }),
    ]);
    expect(problems[0]!.file).toMatch(/news\/2025-09-01-start\.md$/);
  });

  it('rejects a date that does not exist in the calendar', () => {
    const problems = problemsAfter((c) => c.edit('news/2025-09-01-start.md', (t) => t.replace('date: 2025-09-01', 'date: 2025-02-30')));
    expect(problems.map((p) => p.field)).toEqual(['date']);
  });

  it('reports a missing required field by its Russian label', () => {
    const problems = problemsAfter((c) => c.edit('news/2025-09-01-start.md', (t) => t.replace(/^summary:.*\n/m, '')));
    expect(problems).toEqual([expect.objectContaining({ field: 'summary', message: 'поле «Анонс» — обязательное поле не заполнено' })]);
  });

  it('reports broken YAML with its line', () => {
    const problems = problemsAfter((c) => c.edit('news/2025-09-01-start.md', (t) => t.replace('stage: 1', 'stage: [1')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'yaml' });
    expect(problems[0]!.message).toMatch(/строка \d+/);
  });

  it('reports unclosed front matter', () => {
    const problems = problemsAfter((c) => c.write('news/2025-10-01-open.md', '---\ntitle: Без конца\ndate: 2025-10-01\n\nТекст'));
    expect(problems).toEqual([expect.objectContaining({ rule: 'front-matter', message: expect.stringContaining('не закрыт') })]);
  });

  it('reports an empty file', () => {
    const problems = problemsAfter((c) => c.write('practices/pustaya.md', '  \n'));
    expect(problems).toEqual([expect.objectContaining({ rule: 'empty-file' })]);
  });

  it('reports an unknown reference with the target collection', () => {
    const problems = problemsAfter((c) =>
      c.edit('roadmap/stage-1.md', (t) => t.replace('documents: [prikaz-o-nastavnichestve]', 'documents: [net-takogo]')),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'reference',
        field: 'activities.0.documents.0',
        message: 'поле «Мероприятия → №\u00a01 → Документы» — запись «net-takogo» не найдена в разделе «Документы»',
      }),
    ]);
  });

  it('reports a programme that points to a person missing from the registry', () => {
    const problems = problemsAfter((c) => c.edit('programs/np-2025-01.md', (t) => t.replace('mentees: [p-002]', 'mentees: [p-404]')));
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'reference', field: 'mentees.0', message: expect.stringContaining('в реестре участников') }),
    ]);
  });

  it('refuses a private field such as difficulties in a programme', () => {
    const problems = problemsAfter((c) =>
      c.edit('programs/np-2025-01.md', (t) => t.replace('status: completed', 'status: completed\ndifficulties: [discipline]')),
    );
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'schema', message: expect.stringContaining('неизвестное поле «difficulties»') }),
    ]);
  });

  it('refuses a programme term outside 3–12 months', () => {
    const problems = problemsAfter((c) => c.edit('programs/np-2025-01.md', (t) => t.replace('to: 2026-05-31', 'to: 2025-10-15')));
    expect(problems).toEqual([expect.objectContaining({ field: 'term.to', message: expect.stringContaining('от 3 до 12 месяцев') })]);
  });

  it('refuses Cyrillic file names', () => {
    const problems = problemsAfter((c) => c.write('news/новость.md', c.read('news/2025-09-01-start.md')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'file-name' })]);
  });

  it('refuses two stages with the same number', () => {
    const problems = problemsAfter((c) => c.write('roadmap/stage-2.md', c.read('roadmap/stage-1.md')));
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'duplicate', field: 'stage' })]));
  });

  it('shows allowed values of a closed list with their labels', () => {
    const problems = problemsAfter((c) =>
      c.edit('practices/list-nablyudeniya.md', (t) => t.replace('form: traditional', 'form: individual')),
    );
    expect(problems[0]!.message).toContain('«traditional» (традиционное («один на один»))');
    expect(problems[0]!.message).toContain('получено «individual»');
  });

  it('refuses monitoring figures of a group under five respondents', () => {
    const problems = problemsAfter((c) =>
      c.edit('monitoring/2025-2026.yaml', (t) => t.replace('respondents: 3\n    suppressed: true', 'respondents: 3')),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'groups.0.suppressed' })]);
  });

  it('refuses a monitoring mean that does not follow from its distribution', () => {
    const problems = problemsAfter((c) => c.edit('monitoring/2025-2026.yaml', (t) => t.replace('mean: 8.6', 'mean: 9.9')));
    expect(problems).toEqual([
      expect.objectContaining({ field: 'groups.1.scales.0.mean', message: expect.stringMatching(/округлённо 8,6\), указано 9,9/) }),
    ]);
  });

  it('reports a missing attachment file', () => {
    const problems = problemsAfter((c) =>
      c.edit('documents/prikaz-o-nastavnichestve.md', (t) =>
        t.replace('source: https://school1.example/docs/prikaz-100', 'file: /uploads/documents/net-faila.pdf'),
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ rule: 'file-missing', field: 'file' })]);
  });

  it('requires the registry id to match the file name', () => {
    const problems = problemsAfter((c) => c.edit('registry/people/p-002.yaml', (t) => t.replace('id: p-002', 'id: p-003')));
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'id', rule: 'file-name' })]));
  });
});
