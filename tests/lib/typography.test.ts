import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { typo } from '../../src/lib/typography.ts';

describe('typography', () => {
  it('turns straight quotes into «ёлочки» and a spaced hyphen into an em dash', () => {
    expect(typo('"Положение о наставничестве" - утверждено')).toBe('«Положение о\u00a0наставничестве»\u00a0— утверждено');
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
