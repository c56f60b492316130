/**
 * Documents ready to sign, checked as printed: the order and a group's
 * programme rendered by LibreOffice to PDF and read back line by line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pack } from '../../src/lib/docx/blocks.ts';
import { loadDraftContent } from '../../src/tools/docx/draft-content.ts';
import { orderDocument } from '../../src/lib/docx/order.ts';
import { programmeDocument } from '../../src/lib/docx/programme.ts';
import { PLAN_COLUMNS } from '../../src/lib/programme-form.ts';
import { findRegulation, orderRef } from '../../src/lib/docx/sources.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';
import { ensureLibreOffice, renderedText } from '../helpers/libreoffice.ts';
import { unzip } from './helpers/docx-text.ts';

const content = loadDraftContent(SCHOOL_FIXTURE);
const lines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());

beforeAll(() => ensureLibreOffice(), 900_000);

describe('the order on pairs, rendered', () => {
  let layout = '';
  let xml = '';
  let styles = '';
  beforeAll(async () => {
    const bytes = await pack(
      orderDocument({
        school: content.site.schoolName,
        schoolYear: '2025-2026',
        programs: content.programs.filter((p) => p.data.schoolYear === '2025-2026'),
        people: content.people,
        vocab: content.vocab,
        year: 2026,
        regulation: findRegulation(content.documents)!,
        city: 'Санкт-Петербург',
        director: { position: 'Директор', name: 'Т. В. Александрова' },
      }),
    );
    xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
    styles = unzip(bytes).get('word/styles.xml')!.toString('utf8');
    layout = renderedText(bytes).layout;
  }, 240_000);

  it('keeps «лицей № 126» together and writes the school year with an en dash', () => {
    expect(xml).toContain('лицей\u00a0№\u00a0126');
    expect(layout).toMatch(/лицей[ \u00a0]№[ \u00a0]126/);
    expect(layout).toContain('2025–2026 учебном году');
    expect(layout).not.toMatch(/2025-2026/);
  });

  it('names the place of issue and signs with the director from the settings on one line', () => {
    expect(lines(layout)).toContain('Санкт-Петербург');
    expect(lines(layout).some((l) => /^Директор _{6,} Т\. ?В\. ?Александрова$/.test(l))).toBe(true);
  });

  it('gives every item an executor and a deadline', () => {
    const text = layout.replace(/\s+/g, ' ');
    for (const n of [1, 2, 3, 4, 5]) {
      const item = text.slice(text.indexOf(` ${n}. `), text.indexOf(` ${n + 1}. `) > 0 ? text.indexOf(` ${n + 1}. `) : undefined);
      expect(item, `пункт ${n}`).toMatch(/Срок|срок|с \d{2}\.\d{2}\.\d{4}/);
    }
    expect(text).toMatch(/Ответственный — куратор \(Н\. ?В\. ?Соколова\)/);
    expect(text).toMatch(/Главному бухгалтеру \(_+\)/);
  });

  it('is in Russian', () => {
    expect(styles).toMatch(/<w:lang w:val="ru-RU"/);
  });
});

describe('a group’s programme, rendered', () => {
  let layout = '';
  let styles = '';
  beforeAll(async () => {
    const p = content.programs.find((x) => x.data.code === 'НП-2025-02')!;
    const order = orderRef(content.documents, p.data.order);
    const bytes = await pack(
      programmeDocument({
        school: content.site.schoolName,
        programme: p.data,
        people: content.people,
        vocab: content.vocab,
        year: 2025,
        ...(order ? { order } : {}),
      }),
    );
    styles = unzip(bytes).get('word/styles.xml')!.toString('utf8');
    layout = renderedText(bytes).layout;
  }, 240_000);

  it('never breaks a column heading of the plan in the middle of a word', () => {
    const words = lines(layout).flatMap((l) => l.split(' '));
    for (const heading of PLAN_COLUMNS)
      for (const word of heading.split(/[\s,]+/).filter((w) => w.length > 3)) expect(words, `«${word}»`).toContain(word.replace(/,$/, ''));
    // …nor the mark in the last column.
    expect(words).toContain('выполнено');
    expect(words).not.toContain('выполн');
  });

  it('gives the title once, plural labels for a group, and «менее года» instead of «0 лет»', () => {
    expect(layout.match(/персонализированная программа/gi)).toHaveLength(1);
    expect(layout).toContain('«Школа молодого учителя начальных классов»');
    expect(layout).toContain('Наставляемые: ФИО,');
    expect(layout).not.toMatch(/Наставляемый \(наставляемые\)|Наставляемый:/);
    expect(layout).toContain('затруднения наставляемых');
    expect(layout).toMatch(/стаж менее года/);
    expect(layout).not.toMatch(/0 лет/);
  });

  it('keeps each signature on one line and sets the document language to Russian', () => {
    expect(lines(layout).some((l) => /^Наставник _{6,} Л\. ?Н\. ?Черных$/.test(l))).toBe(true);
    expect(lines(layout).some((l) => /^Согласовано: куратор _{6,} Н\. ?В\. ?Соколова$/.test(l))).toBe(true);
    expect(styles).toMatch(/<w:lang w:val="ru-RU"/);
  });
});
