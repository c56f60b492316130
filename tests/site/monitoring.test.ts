/**
 * /monitoring/ on the built site: accessible SVG charts (named, described,
 * numbers in tables), no client JavaScript of their own, no open answers
 * anywhere in dist/, «Мониторинг» in the navigation, the comparison of
 * cycles (on a fixture with two cycles), and the published programme
 * template as a printable page and a .docx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../helpers/html.ts';
import { builtFixture } from '../helpers/fixture-build.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { docxText } from '../tools/helpers/docx-text.ts';
import { PLAN_DIRECTIONS } from '../../src/schema/vocab.ts';

/** A built page without Astro's scoped-style attributes, so assertions read like the markup. */
const page = (dist: string, route: string) =>
  fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8').replace(/\s+data-astro-cid-\w+(="[^"]*")?/g, '');
const allFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((d) => (d.isFile() ? [path.join(d.parentPath, d.name)] : []));

/** Every `<svg role="img">` must point at a title and a desc that exist and say something. */
function checkSvgs(html: string): number {
  const svgs = [...html.matchAll(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/g)];
  for (const [, ids, body] of svgs) {
    const [titleId, descId] = ids!.split(' ');
    expect(body).toMatch(new RegExp(`<title id="${titleId}">[^<]{10,}</title>`));
    expect(body).toMatch(new RegExp(`<desc id="${descId}">[^<]{10,}</desc>`));
  }
  return svgs.length;
}

describe('the monitoring pages of the demo site', () => {
  it('are in the navigation of every page', () => {
    expect(page(testDist(), '/')).toMatch(/<a href="\/monitoring\/"[^>]*>\s*Мониторинг\s*<\/a>/);
  });

  it('draw named and described SVG charts with their numbers in tables', () => {
    const html = page(testDist(), '/monitoring/');
    expect(checkSvgs(html)).toBe(4);
    const text = visibleText(html);
    expect(text).toContain('Средняя оценка по 6 шкалам — 8,8 из 10');
    expect(html).toMatch(
      /<th scope="row">эффективность программы<\/th>\s*<td data-label="Среднее">8,5<\/td>\s*<td data-label="Ответили">6<\/td>/,
    );
    // The distribution is a list that says each score and how many gave it.
    for (const item of ['оценка 1: 0 человек', 'оценка 8: 3 человека', 'оценка 9: 3 человека', 'оценка 10: 0 человек'])
      expect(text).toContain(item);
    expect(html).toMatch(/<th scope="row">готовы продолжить участие<\/th>\s*<td[^>]*>7<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>88/);
    expect(checkSvgs(page(testDist(), '/monitoring/2025-2026/'))).toBe(4);
  });

  it('name school years with an en dash, in lists and on pages', () => {
    for (const route of ['/monitoring/', '/programs/']) {
      const text = visibleText(page(testDist(), route));
      expect(text).toContain('2025\u20132026 учебный год');
      expect(text).not.toMatch(/\b20\d\d-20\d\d учебн/);
    }
  });

  it('ship no JavaScript of their own', () => {
    const scripts = (route: string) => (page(testDist(), route).match(/<script\b/g) ?? []).length;
    expect(scripts('/monitoring/')).toBe(scripts('/materials/'));
  });

  it('never publish open answers or raw answer files', () => {
    const raw = fs.readFileSync(path.join(DEMO_CONTENT, 'registry/answers/2025-2026-demo.yaml'), 'utf8');
    const comments = [...raw.matchAll(/comments: \["([^"]+)"\]/g)].map((m) => m[1]!);
    expect(comments.length).toBeGreaterThan(2);
    for (const file of allFiles(testDist()).filter((f) => /\.(html|xml|json|txt|js)$/.test(f))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const c of comments) expect(text, file).not.toContain(c);
      expect(text, file).not.toContain('anketa-udovletvorennosti-2026');
    }
  });

  it('publish the blank programme template as a printable page and a .docx', () => {
    const html = page(testDist(), '/programs/template/');
    expect(html).toContain('href="/programs/template.docx"');
    for (const label of Object.values(PLAN_DIRECTIONS)) expect(visibleText(html)).toContain(label.charAt(0).toUpperCase() + label.slice(1));
    const styles = [...html.matchAll(/<link[^>]+href="(\/_astro\/[^"]+\.css)"/g)].map((m) =>
      fs.readFileSync(path.join(testDist(), m[1]!), 'utf8'),
    );
    expect([...styles, html].join('\n')).toMatch(/@media print[\s\S]*@page/);
    const docx = docxText(fs.readFileSync(path.join(testDist(), 'programs/template.docx')));
    expect(docx).toContain('ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА');
    expect(docx).toContain('Подготовка к аттестации');
  });
});

describe('the comparison of cycles', () => {
  const site = builtFixture(
    (content) => {
      content.write(
        'monitoring/2024-2025.yaml',
        [
          'cycle: 2024-2025',
          'title: Мониторинг 2024/2025',
          'collected: { from: 2025-04-01, to: 2025-04-30 }',
          'summary: Первый цикл.',
          'groups:',
          '  - role: mentee',
          '    respondents: 5',
          '    scales:',
          '      - { item: comfort, mean: 8.0, answered: 5, distribution: [0, 0, 0, 0, 0, 0, 1, 3, 1, 0] }',
          '',
        ].join('\n'),
      );
    },
    { SITE_TODAY: '2026-11-24' },
  );

  it('shows the change per scale in a chart, a table and a sentence', () => {
    expect(site.build.code, site.build.stdout.slice(-2000) + site.build.stderr.slice(-2000)).toBe(0);
    const html = page(site.dist, '/monitoring/');
    const text = visibleText(html);
    expect(text).toContain('Сравнение циклов');
    expect(text).toContain('Изменение средних оценок в 2025-2026 учебном году по сравнению с 2024-2025');
    expect(html).toMatch(
      /<th scope="row">комфорт общения<\/th>\s*<td data-label="2024-2025">8,0<\/td>\s*<td data-label="2025-2026">8,6<\/td>\s*<td data-label="Изменение">\+0,6<\/td>/,
    );
    expect(checkSvgs(html)).toBe(3);
    expect(text).toContain('В группе меньше 5 респондентов, поэтому её результаты не публикуются');
    expect(fs.existsSync(path.join(site.dist, 'monitoring/2024-2025/index.html'))).toBe(true);
  });
});
