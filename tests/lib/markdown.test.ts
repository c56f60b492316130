import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

describe('renderMarkdown', () => {
  it('renders GFM tables and task lists', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] сделано\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('type="checkbox"');
  });

  it('demotes a level-one heading: the page has its own h1', () => {
    expect(renderMarkdown('# Заголовок')).toBe('<h2>Заголовок</h2>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/],
    ['<img src="https://x.ru/a.png" onerror="alert(1)">', /onerror/],
    ['[ссылка](javascript:alert(1))', /javascript:/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<iframe src="https://evil.example/"></iframe>', /<iframe/],
    ['<style>body{display:none}</style>', /<style/],
    ['<div style="position:fixed">x</div>', /style=/],
    ['<form action="https://evil.example"><input name="p"></form>', /<form|<input/],
  ])('removes hostile HTML: %s', (source, forbidden) => {
    expect(renderMarkdown(source)).not.toMatch(forbidden);
  });

  it.each([
    ['![пиксель](https://tracker.example/p.gif)', 'пиксель'],
    ['<img src="//tracker.example/p.gif" alt="схема">', 'схема'],
    ['<img src="http://tracker.example/p.gif">', ''],
    ['<img src=" https://tracker.example/p.gif" alt="x">', 'x'],
    ['<img src="/\\tracker.example/p.gif" alt="y">', 'y'],
  ])('shows an image from another server as its description: %s', (source, alt) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<img|tracker/);
    if (alt) expect(html).toContain(`[${alt}]`);
  });

  it('keeps images of the site itself', () => {
    expect(renderMarkdown('![схема](/uploads/practices/schema.png)')).toMatch(/<img src="\/uploads\/practices\/schema\.png" alt="схема"/);
  });

  it('keeps video players from the allowed hosts only', () => {
    const html = renderMarkdown(
      '<iframe src="https://rutube.ru/play/embed/abc"></iframe>\n\n<iframe src="https://vk.com.evil.example/"></iframe>',
    );
    expect(html).toContain('src="https://rutube.ru/play/embed/abc"');
    expect(html).toContain('title="Видео"');
    expect(html.match(/<iframe/g)).toHaveLength(1);
  });
});
