/**
 * Document drafts (.docx): the order names the pairs, terms, the curator and
 * cites the Положение; the programme has its plan, the mentee's difficulties
 * (internal) and the signature block; the blank template has every
 * direction. Files land in the private folder only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pack } from '../../src/lib/docx/blocks.ts';
import { loadDraftContent } from '../../src/tools/docx/draft-content.ts';
import { orderDocument } from '../../src/lib/docx/order.ts';
import { programmeDocument, programmeTemplate, REMOVED } from '../../src/lib/docx/programme.ts';
import { findRegulation, orderRef } from '../../src/lib/docx/sources.ts';
import { PLAN_DIRECTIONS } from '../../src/schema/vocab.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';
import { docxText } from './helpers/docx-text.ts';

const content = loadDraftContent(SCHOOL_FIXTURE);
const programme = (id: string) => content.programs.find((p) => p.id.startsWith(id))!;

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

describe('the order draft', () => {
  it('lists every pair and group with full names, terms and programme codes, under the usual structure', async () => {
    const programs = content.programs.filter((p) => p.data.schoolYear === '2025-2026');
    const regulation = findRegulation(content.documents);
    expect(regulation?.approvedBy).toEqual({ date: '2025-08-29', number: '01-05/112' });
    const text = docxText(
      await pack(
        orderDocument({
          school: content.site.schoolName,
          schoolYear: '2025-2026',
          programs,
          people: content.people,
          vocab: content.vocab,
          year: 2026,
          regulation: regulation!,
        }),
      ),
    );
    expect(text).toContain(content.site.schoolName);
    expect(text).toContain('О закреплении наставнических пар и групп в 2025–2026 учебном году');
    expect(text).toMatch(
      /Положением о системе \(целевой модели\) наставничества педагогических работников в образовательной организации, утверждённым приказом от 29\.08\.2025 № 01-05\/112/,
    );
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    expect(text).toMatch(
      /1\.1\. Наставник — Шевченко Ирина Анатольевна, учитель математики, высшая квалификационная категория.*наставляемый — Смирнов Никита Дмитриевич.*срок — с 01\.11\.2025 по 31\.05\.2026; персонализированная программа наставничества НП-2025-01\./,
    );
    expect(text).toMatch(/наставляемые \(группа\) — Кузнецова Анастасия Павловна.*Гусейнова Алина Рашидовна.*Тихонова Полина Андреевна/);
    expect(text).toContain('(Соколова Надежда Викторовна, заместитель директора по учебно-воспитательной работе');
    expect(text).toContain('статья 351.8 Трудового кодекса');
    expect(text).toContain('Контроль за исполнением настоящего приказа оставляю за собой.');
    expect(text).toContain('С приказом ознакомлены:');
  });

  it('marks a purged person instead of a name', async () => {
    const people = new Map(content.people);
    people.delete('p-008');
    const text = docxText(
      await pack(
        orderDocument({
          school: 'Школа',
          schoolYear: '2025-2026',
          programs: [programme('np-2025-01')],
          people,
          vocab: content.vocab,
          year: 2026,
        }),
      ),
    );
    expect(text).toContain(`наставляемый — ${REMOVED}`);
    expect(text).not.toContain('Смирнов');
  });
});

describe('the programme draft', () => {
  it('has the header, the internal difficulties, the plan by direction and the signatures', async () => {
    const p = programme('np-2025-01');
    const order = orderRef(content.documents, p.data.order);
    expect(order).toEqual({ date: '2025-10-20', number: '01-05/131' });
    const text = docxText(
      await pack(
        programmeDocument({
          school: content.site.schoolName,
          programme: p.data,
          people: content.people,
          vocab: content.vocab,
          year: 2026,
          order: order!,
        }),
      ),
    );
    expect(text).toContain('УТВЕРЖДЕНА приказом от 20.10.2025 № 01-05/131');
    expect(text).toContain('ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА ПЕДАГОГИЧЕСКИХ РАБОТНИКОВ НП-2025-01');
    expect(text).toContain('Шевченко Ирина Анатольевна, учитель математики');
    expect(text).toContain('Смирнов Никита Дмитриевич');
    expect(text).toContain('Дисциплина и управление классом; Подготовка к ОГЭ и ЕГЭ; Работа с родителями.');
    expect(text).toMatch(/с 01\.11\.2025 по 31\.05\.2026 \(7 месяцев\)/);
    expect(text).toContain('1. Адаптация в коллективе');
    expect(text).toContain('Взаимопосещение уроков в 7-х классах с разбором по листу наблюдения');
    expect(text).toContain('выполнено');
    expect(text).toMatch(/Наставник\n_+\nИ\. А\. Шевченко/);
    expect(text).toMatch(/Согласовано: куратор\n_+\nН\. В\. Соколова/);
  });

  it('the blank template has every plan direction and no personal data', async () => {
    const text = docxText(await pack(programmeTemplate(content.site.schoolName)));
    for (const label of Object.values(PLAN_DIRECTIONS)) expect(text).toContain(label.charAt(0).toUpperCase() + label.slice(1));
    expect(text).toContain('Наставник (ФИО, должность, категория, стаж)');
    for (const p of content.people.values()) expect(text).not.toContain(p.name.last);
  });
});

describe('npm run draft:order and draft:program', () => {
  it('write .docx files into the private folder and explain a missing programme', async () => {
    copy = copyDemoContent();
    const env = { CONTENT_DIR: copy.dir, SITE_TODAY: '2026-03-01', PRIVATE_DIR: copy.privateDir };
    const none = await runNode(['scripts/draft-order.ts'], env, 60_000);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/не закреплённых приказом/);
    const order = await runNode(['scripts/draft-order.ts', '--all'], env, 60_000);
    expect(order.code, order.stderr).toBe(0);
    const orderFile = path.join(copy.privateDir, 'drafts', 'prikaz-o-zakreplenii-par-2025-2026.docx');
    expect(docxText(fs.readFileSync(orderFile))).toContain('НП-2025-04');
    const prog = await runNode(['scripts/draft-program.ts', 'НП-2025-02'], env, 60_000);
    expect(prog.code, prog.stderr).toBe(0);
    const files = fs.readdirSync(path.join(copy.privateDir, 'drafts'));
    expect(files).toContain('programma-np-2025-02-shkola-molodogo-uchitelya-nachalnyh-klassov.docx');
    const missing = await runNode(['scripts/draft-program.ts', 'np-2099-01'], env, 60_000);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/программа «np-2099-01» не найдена/);
  });
});
