/**
 * The methodologist's season on a copy of the demo content, through the real
 * commands: import mentee surveys (Windows-1251 CSV with «;», and XLSX) →
 * match → accept the proposed pair → draft the order and the programme.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { reviewContent } from '../../src/privacy/gate.ts';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';
import { docxText } from './helpers/docx-text.ts';
import { MENTEES_CP1251, writeMenteesXlsx } from './helpers/surveys.ts';

let copy: ContentCopy;
let env: Record<string, string>;
const run = (script: string, args: string[]) => runNode([`scripts/${script}.ts`, ...args], env, 60_000);

beforeAll(() => {
  copy = copyDemoContent();
  env = { CONTENT_DIR: copy.dir, SITE_TODAY: '2026-11-24', PRIVATE_DIR: copy.privateDir };
});
afterAll(() => copy.cleanup());

describe('survey → match → accept → order and programme', () => {
  let mentor = '';

  it('imports the CSV and the XLSX mentee surveys', async () => {
    const csv = await run('import-survey', [MENTEES_CP1251, '--kind', 'mentee', '--write']);
    expect(csv.code, csv.stderr).toBe(0);
    const xlsxFile = path.join(copy.privateDir, '..', 'mentees.xlsx');
    await writeMenteesXlsx(xlsxFile);
    const xlsx = await run('import-survey', [xlsxFile, '--kind', 'mentee', '--write']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toMatch(/\+ p-019 Орлова Вера Николаевна \(строка 2\)/);
    expect(xlsx.stdout).toMatch(/= p-014 Белова Ольга Сергеевна \(строка 3\)/);
    const orlova = parseDocument(copy.read('registry/people/p-019.yaml')).toJS();
    expect(orlova).toMatchObject({
      email: 'orlova@licey126.example',
      subjects: ['english'],
      teachingSince: 2024,
      requests: ['digital', 'motivation', 'assessment'],
      preferredForms: ['virtual', 'situational'],
      consents: { processing: { signed: '2026-10-12' } },
    });
  });

  it('proposes a mentor for the new mentee in a private report', async () => {
    const r = await run('match', []);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(copy.privateDir, 'match', '2026-2027_2026-11-24.json'), 'utf8'));
    const proposal = report.proposals.find((p: { mentee: string }) => p.mentee === 'p-017');
    expect(proposal, r.stdout).toBeDefined();
    // Лебедева named Зайцев (chemistry, the same subject area) in her survey.
    expect(proposal.mentor).toBe('p-006');
    expect(proposal.fits).toContain('наставляемый сам назвал этого наставника');
    mentor = proposal.mentor;
  });

  it('accepts the pair as a draft programme', async () => {
    const r = await run('match', ['--accept', `p-017=${mentor}`]);
    expect(r.code, r.stderr).toBe(0);
    const text = copy.read('programs/np-2026-01.md');
    expect(text).toContain(`mentor: ${mentor}`);
    expect(text).toContain('mentees: [p-017]');
    expect(text).not.toContain('сложные');
    expect(reviewContent(copy.dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('drafts the order and the programme with names and the plan', async () => {
    const order = await run('draft-order', []);
    expect(order.code, order.stderr).toBe(0);
    const orderText = docxText(fs.readFileSync(path.join(copy.privateDir, 'drafts', 'prikaz-o-zakreplenii-par-2026-2027.docx')));
    expect(orderText).toMatch(
      /1\.1\. Наставник — Зайцев Лев Аркадьевич, учитель химии.*наставляемый — Лебедева Мария Игоревна, учитель физики.*НП-2026-01/,
    );
    const programme = await run('draft-program', ['np-2026-01']);
    expect(programme.code, programme.stderr).toBe(0);
    const text = docxText(fs.readFileSync(path.join(copy.privateDir, 'drafts', 'programma-np-2026-01.docx')));
    expect(text).toContain('Лебедева Мария Игоревна');
    expect(text).toContain('Работа с родителями; Подготовка к ОГЭ и ЕГЭ; Проектная и исследовательская деятельность.');
    expect(text).toContain('Воспитательная работа и работа с родителями');
    expect(text).toContain('Взаимопосещение уроков с разбором по листу наблюдения; совместное планирование уроков');
    expect(text).toContain('ПРОЕКТ');
  });
});
