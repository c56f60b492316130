/**
 * What a parent or an inspector sees, at 375 px (a phone) and 1280 px, in real
 * Chromium on a fixture site: the programme plan never cuts a word to fit a
 * column and its tables line up; the monitoring distribution fits the screen
 * with readable labels and needs no sideways scrolling; a signed document
 * shows its signature mark, whose details open on keyboard focus, name the
 * head of the school (a recorded legal basis) and never a signer without one.
 * Properties are measured, not pixels; screenshots go to
 * .cache/screenshots/reader-pages/ for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableText } from '../../src/privacy/leak-scan.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { ROOT } from '../helpers/paths.ts';
import { astroBuild } from '../helpers/run.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const SHOTS = path.join(ROOT, '.cache', 'screenshots', 'reader-pages');
const WIDTHS = [375, 1280] as const;

const HEAD = 'p-101';
const NO_CONSENT = 'p-102';

const person = (id: string, last: string, first: string, middle: string, position: string, extra: string) =>
  [
    `id: ${id}`,
    'demo: true',
    `name: { last: ${last}, first: ${first}, middle: ${middle} }`,
    'gender: female',
    'roles: []',
    `position: ${position}`,
    'teachingSince: 1995',
    'consents:',
    '  processing: { signed: 2025-08-01 }',
    extra,
  ].join('\n');

const signedDocument = (title: string, signer: string) =>
  [
    '---',
    `title: ${title}`,
    'kind: order',
    'level: school',
    'number: 01-05/200',
    'date: 2025-10-20',
    'source: https://school1.example/docs/prikaz-200',
    'signature:',
    '  signedAt: 2025-10-20T14:32',
    `  signer: ${signer}`,
    '  key: 5A1F 03C9 77E2 4B10 9D6E 2C8A F041 6B3D',
    '---',
    'Текст приказа.',
    '',
  ].join('\n');

const PLAN = `plan:
  - direction: adaptation
    activity: Знакомство с традициями школы, локальными актами и работой методического объединения
    when: ноябрь
    planned: Наставляемый знает порядок работы методического объединения и ключевые локальные акты
    actual: Беседа, экскурсия, участие в заседании методического объединения
    done: true
  - direction: normative
    activity: Разбор демоверсии, спецификации и кодификатора
    when: декабрь — январь
    planned: Составлен годовой план подготовки
    done: false
  - direction: lessons
    activity: Взаимопосещение уроков с разбором по листу наблюдения
    when: 2 раза в месяц
    planned: Наставляемый применяет приёмы организации работы класса
    actual: Проведено 12 взаимопосещений
    done: true
  - direction: assessment
    activity: Совместная проверка диагностической работы
    when: февраль
    planned: Расхождение оценок не более одного балла
    actual: Протокол согласования критериев
    done: true
`;

let content: TempContent;
let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  content = tempContent();
  content.write(
    `registry/people/${HEAD}.yaml`,
    person(HEAD, 'Директорова', 'Ольга', 'Павловна', 'директор', 'disclosure: { basis: head, document: приказ № 45-к, since: 2019-09-01 }'),
  );
  content.write(`registry/people/${NO_CONSENT}.yaml`, person(NO_CONSENT, 'Безсогласова', 'Инна', 'Львовна', 'заместитель директора', ''));
  content.write('documents/podpisannyy-prikaz.md', signedDocument('Приказ «О подписанном документе»', HEAD));
  content.write('documents/podpisannyy-bez-soglasiya.md', signedDocument('Приказ «О подписи без согласия»', NO_CONSENT));
  content.edit('programs/np-2025-01.md', (t) => t.replace(/^plan:\n(?: {2}.*\n)+/m, PLAN));
  fs.mkdirSync(path.join(content.dir, 'news/media'), { recursive: true });
  await sharp({ create: { width: 1200, height: 1600, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg()
    .toFile(path.join(content.dir, 'news/media/vysokaya.jpg'));
  content.write(
    'news/2025-10-01-vysokaya-oblozhka.md',
    [
      '---',
      'title: Новость с высокой обложкой',
      'date: 2025-10-01',
      'summary: Обложка снята вертикально.',
      'cover:',
      '  src: ./media/vysokaya.jpg',
      '  alt: Синий прямоугольник',
      '---',
      'Первый абзац текста новости.',
      '',
    ].join('\n'),
  );
  dist = `${content.dir}-dist`;
  const build = await astroBuild(dist, { CONTENT_DIR: content.dir, SITE_TODAY: '2026-03-01' });
  if (build.code !== 0) throw new Error(`fixture build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  server = await serveStatic(dist);
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  content?.cleanup();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

async function open(route: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.url}${route}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page scrolls sideways by this many pixels (0 when it does not). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Words in `selector` that the layout breaks across lines: each letter run
 * (split at hyphens and dashes, where a break is legitimate) must sit on one line.
 */
function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(sel)) {
      // A header row kept only for screen readers (tables reflowed on a phone) is a pixel or two wide on purpose.
      if ((cell.closest('tr') ?? cell).getBoundingClientRect().width <= 2) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** Visible boxes in main that scroll or cut sideways (text kept only for screen readers aside): each would hide part of what it holds. */
function sidewaysBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((el) => {
        const s = getComputedStyle(el);
        const visible = el.getBoundingClientRect().width > 2;
        return visible && ['auto', 'scroll', 'hidden'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
}

describe('the programme page', () => {
  it.each(WIDTHS)('at %i px cuts no word in its tables and does not scroll sideways', async (width) => {
    const page = await open('/programs/np-2025-01/', width);
    await shot(page, `program-${width}`);
    expect(await brokenWords(page, 'main th, main td')).toEqual([]);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('at 1280 px lines the plan tables up, column by column, down the page', async () => {
    const page = await open('/programs/np-2025-01/', 1280);
    const edges = await page.evaluate(() =>
      [...document.querySelectorAll('main table')]
        .filter((t) => t.querySelectorAll('thead th').length === 5)
        .map((t) => [...t.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().left))),
    );
    expect(edges.length).toBeGreaterThan(1);
    for (const row of edges) expect(row).toEqual(edges[0]);
    await page.close();
  });

  it('at 1280 px keeps one measure for its running text', async () => {
    const page = await open('/programs/np-2025-01/', 1280);
    const widths = await page.evaluate(() =>
      [...document.querySelectorAll('main article p')].map((p) => parseFloat(getComputedStyle(p).maxWidth) || Infinity),
    );
    expect(widths.length).toBeGreaterThan(0);
    expect(new Set(widths).size).toBe(1);
    expect(widths[0]).toBeLessThan(1000);
    await page.close();
  });
});

describe('the monitoring page', () => {
  it.each(WIDTHS)(
    'at %i px shows every score of the distribution on screen, labelled in text of at least 14 px, with nothing to scroll',
    async (width) => {
      const page = await open('/monitoring/', width);
      await shot(page, `monitoring-${width}`);
      expect(await sidewaysBoxes(page)).toEqual([]);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      const rows = await page.evaluate(() => {
        const header = [...document.querySelectorAll('main thead th')].find((th) => th.textContent?.includes('Распределение'));
        const table = header?.closest('table');
        const column = header ? [...header.parentElement!.children].indexOf(header) : -1;
        return [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => {
          const cell = tr.children[column] as HTMLElement;
          const clip = cell.closest('main')!.getBoundingClientRect();
          // Each score's own visible text: its number and its count.
          const numbers = [...cell.querySelectorAll('*')].filter(
            (el) => el.children.length === 0 && /^\d+$/.test(el.textContent?.trim() ?? '') && el.getAttribute('aria-hidden') === 'true',
          );
          return {
            text: cell.innerText,
            spoken: cell.textContent ?? '',
            labels: numbers.map((el) => {
              const r = el.getBoundingClientRect();
              return {
                size: parseFloat(getComputedStyle(el).fontSize),
                inside: r.width > 0 && r.left >= clip.left - 1 && r.right <= Math.min(clip.right, window.innerWidth) + 1,
              };
            }),
          };
        });
      });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        // Ten scores with their counts: 20 numbers, each on screen and readable.
        expect(row.labels).toHaveLength(20);
        for (const label of row.labels) {
          expect(label.inside).toBe(true);
          expect(label.size).toBeGreaterThanOrEqual(14);
        }
        for (let score = 1; score <= 10; score++) expect(row.spoken).toMatch(new RegExp(`оценка ${score}:\\s\\d+\\sчеловек`));
      }
      const chartText = await page.evaluate(() =>
        [...document.querySelectorAll('main svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize)),
      );
      for (const size of chartText) expect(size).toBeGreaterThanOrEqual(14);
      await page.close();
    },
  );
});

describe('a document signed with a simple electronic signature', () => {
  it.each(WIDTHS)('at %i px shows the mark, opens its details on keyboard focus and names the head of the school', async (width) => {
    const page = await open('/documents/podpisannyy-prikaz/', width);
    const details = page.locator('.signature__details').first();
    expect((await details.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    let focused = false;
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.classList.contains('signature__mark') ?? false);
    }
    expect(focused).toBe(true);
    const box = await details.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await shot(page, `signature-${width}`);
    const shown = await details.innerText();
    for (const part of ['20 октября 2025', '14:32', 'Ольга Павловна Директорова', 'директор', '5A1F 03C9']) expect(shown).toContain(part);
    const description = await page.evaluate(() => {
      const mark = document.activeElement!;
      return document.getElementById(mark.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    });
    expect(description).toContain('Директорова');
    expect(await page.locator('.signature__mark').first().textContent()).toContain('электронной подписью');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows the mark of a signer without consent or legal basis without the name, and keeps the head out of search and lists elsewhere', async () => {
    const page = await open('/documents/podpisannyy-bez-soglasiya/', 1280);
    const details = await page.locator('.signature__details').first().textContent();
    expect(details).toContain('14:32');
    expect(await page.content()).not.toMatch(/Безсогласов|заместитель директора/);
    await page.close();
    const home = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).not.toContain('Директорова');
    const fragments = fs
      .readdirSync(path.join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.pf_fragment'));
    const indexed = await Promise.all(fragments.map(async (d) => (await readableText(path.join(d.parentPath, d.name)))?.text ?? ''));
    expect(indexed.join('\n')).toContain('О подписанном документе');
    expect(indexed.join('\n')).not.toContain('Директоров');
  });
});

describe("covers, the bank's controls and its cards", () => {
  it.each(WIDTHS)('at %i px a tall cover leaves the text in the first screen', async (width) => {
    const page = await open('/news/2025-10-01-vysokaya-oblozhka/', width);
    const { cover, text } = await page.evaluate(() => ({
      cover: document.querySelector('main img')!.getBoundingClientRect().height,
      text: [...document.querySelectorAll('main p')].find((p) => p.textContent?.includes('Первый абзац'))!.getBoundingClientRect().top,
    }));
    expect(cover).toBeGreaterThan(100);
    expect(cover).toBeLessThanOrEqual(450);
    expect(text).toBeLessThan(900);
    await page.close();
  });

  it('at 375 px styles the order select and the reset button, keeps counts whole and labels what a card says', async () => {
    const page = await open('/practices/', 375);
    const look = await page.evaluate(() => {
      const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      return {
        select: style('select[name=sort]').borderTopStyle + ' ' + style('select[name=sort]').borderTopLeftRadius,
        reset: style('button[type=reset]').backgroundColor,
        count: style('[data-count]').whiteSpace,
        meta: document.querySelector('.practice-card .meta')!.textContent!.replace(/\s+/g, ' ').trim(),
      };
    });
    expect(look.select).not.toMatch(/^(none|outset|inset)|^solid 0px$/);
    expect(look.reset).not.toBe('rgb(239, 239, 239)');
    expect(look.count).toBe('nowrap');
    expect(look.meta).toMatch(/Тип материала: .+Форма наставничества: .+Год: \d{4}/);
    await page.close();
  });
});
