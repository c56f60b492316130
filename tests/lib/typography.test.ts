import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { schoolYearLabel } from '../../src/lib/school-year.ts';
import { typo, typoInQuotes, typoPiece } from '../../src/lib/typography.ts';

describe('typography', () => {
  it('turns straight quotes into «ёлочки» and a spaced hyphen into an em dash', () => {
    expect(typo('"Положение о наставничестве" - утверждено')).toBe('«Положение о\u00a0наставничестве»\u00a0— утверждено');
  });

  it('writes a school year with an en dash, and leaves dates, addresses and code alone', () => {
    expect(typo('Программа на 2025-2026 учебный год')).toBe('Программа на\u00a02025\u20132026 учебный год');
    expect(typo('в 2019-2020 и 2020-2025')).toBe('в\u00a02019\u20132020 и\u00a02020-2025');
    const html = renderMarkdown('Цикл 2025-2026: [итоги](/monitoring/2025-2026/), `--cycle 2025-2026`, опрос 2026-04-20.');
    expect(html).toContain('Цикл 2025\u20132026');
    expect(html).toContain('href="/monitoring/2025-2026/"');
    expect(html).toContain('<code>--cycle 2025-2026</code>');
    expect(html).not.toContain('2026\u201304');
  });

  it('labels a school year id with an en dash and leaves other ids alone', () => {
    expect(schoolYearLabel('2025-2026')).toBe('2025\u20132026');
    expect(schoolYearLabel('2025-2026-vesna')).toBe('2025-2026-vesna');
  });

  it('nests quotes as „лапки“ inside «ёлочки»', () => {
    expect(typo('Конференция "Проект "Наставник" в школе"')).toBe('Конференция «Проект „Наставник“ в\u00a0школе»');
  });

  it('keeps quotes around a link in Markdown and leaves code alone', () => {
    const html = renderMarkdown('Утверждено "[Положение](/documents/x/)" - читайте.\n\n```\nx = "a" - b\n```\n');
    expect(html).toContain('«<a href="/documents/x/">Положение</a>»');
    expect(html).toContain('x = "a" - b');
  });

  it('binds short words and numbers to what follows', () => {
    expect(typo('в 2025 г. и т.д.')).toBe('в\u00a02025\u00a0г. и\u00a0т.\u00a0д.');
  });
});

describe('typoPiece', () => {
  it('keeps the space between a piece of text and the link beside it', () => {
    expect(typoPiece('Подробнее на ')).toBe('Подробнее на ');
    expect(typoPiece(' — на сайте')).toMatch(/^ /);
    expect(typoPiece('"памятка" ')).toBe('«памятка» ');
    expect(typoPiece('   ')).toBe('   ');
  });
});

describe('typoInQuotes', () => {
  it("nests quotes inside the page's own «…» as „…“", () => {
    expect(typoInQuotes('Конкурс «Наставник года»')).toBe('Конкурс „Наставник года“');
    expect(typoInQuotes('Конкурс "Наставник года"')).toBe('Конкурс „Наставник года“');
    expect(`«${typoInQuotes('Фестиваль «Шаг «вперёд»»')}»`).not.toMatch(/«[^»]*«/);
  });

  it('leaves a title without quotes as typo would print it', () => {
    expect(typoInQuotes('Итоговая конференция 2025-2026')).toBe(typo('Итоговая конференция 2025-2026'));
  });
});
