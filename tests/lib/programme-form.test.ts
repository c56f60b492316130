/**
 * A programme is drawn three times — its page, its CMS preview, its .docx
 * — and all three take their headings from one description whose words are
 * the labels of the programme's fields: no rendering can drift from the CMS.
 */
import { Packer } from 'docx';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgrammePreview } from '../../cms/previews/programme.ts';
import { programmeTemplate } from '../../src/lib/docx/programme.ts';
import { fieldLabel } from '../../src/lib/error-map.ts';
import { PLAN_COLUMNS, PLAN_FIELDS, SECTION_GOAL, SECTION_PLAN, SECTION_RESULTS, SECTION_TASKS } from '../../src/lib/programme-form.ts';
import { planRowSchema, programmeSchema } from '../../src/schema/programs.ts';
import { docxText } from '../tools/helpers/docx-text.ts';

const HEADINGS = [SECTION_GOAL, SECTION_TASKS, SECTION_PLAN, SECTION_RESULTS];

describe('the programme form', () => {
  it('names sections and plan columns with the fields’ labels', () => {
    const schema = programmeSchema();
    expect(HEADINGS).toEqual(['goal', 'tasks', 'plan', 'expectedResults'].map((k) => fieldLabel(schema, [k])));
    expect(PLAN_COLUMNS.slice(1)).toEqual(PLAN_FIELDS.map((k) => fieldLabel(planRowSchema, [k])));
  });

  it('gives the CMS preview the same headings', () => {
    const data = {
      code: 'НП-2026-01',
      title: 'Адаптация',
      goal: 'Цель',
      tasks: ['Задача'],
      plan: [{ direction: 'lessons', activity: 'Урок', when: 'сентябрь', planned: 'План', done: true }],
      expectedResults: ['Итог'],
    };
    const props = {
      entry: { get: (k: string) => (k === 'data' ? { toJS: () => data } : undefined) },
      widgetFor: () => null,
      getAsset: () => '',
    };
    const html = renderToStaticMarkup(ProgrammePreview(props as never));
    for (const h of [...HEADINGS, ...PLAN_COLUMNS.slice(1)]) expect(html, h).toContain(h);
  });

  it('gives the .docx template the same headings', async () => {
    const text = docxText(Buffer.from(await Packer.toBuffer(programmeTemplate('Школа № 1'))));
    for (const h of [...HEADINGS, ...PLAN_COLUMNS]) expect(text.replace(/\s+/g, ' '), h).toContain(h);
  });
});
