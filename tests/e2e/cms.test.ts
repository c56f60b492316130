/**
 * An editor's session in real Chromium against `npm start` (Astro dev with
 * the CMS's local API, the project's own scripts/dev.ts) on a temp copy of
 * the demo content: log in, publish a news item with a Cyrillic title and a
 * photo, publish a second one with the same title, edit a practice, be
 * refused an invalid document and a taken stage number, be refused — with
 * the person named, and nothing written — a text that names a registry
 * person without consent and one with a phone number, the same with the
 * browser's own check reading the registry through the CMS backend (as on a
 * Git host), keep unsaved edits when content changes on disk — then build
 * the site from that content and find the news page, with every published
 * image free of EXIF; a news item dated in the future and a draft saved
 * through the CMS are on no built page, and the dated one appears on its day. `UPDATE_SCREENSHOTS=1` saves the editor's guide
 * screenshots to docs/images/.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT } from '../helpers/paths.ts';
import { astroBuild } from '../helpers/run.ts';
import { embeddedConfig, listeningAddresses, startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { hasMetadata } from '../../src/integrations/strip-metadata.ts';
import { readContentFile } from '../../src/validate/read.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { cmsUi, search } from '../../src/i18n/ru.ts';

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/images') : undefined;
const TITLE = 'Лицей провёл «Школу наставника» для молодых учителей';
const SLUG = '2026-11-20-licey-provyol-shkolu-nastavnika-dlya-molodyh-uchiteley';
const GPS_EXIF = {
  IFD0: { Artist: 'Иванова Мария Петровна', Make: 'Phone' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 59/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 24/1 0/1' },
};

let server: DevServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];
const WITHHELD_TITLE = 'Открытый урок по литературе в 7 классе';
const SCHEDULED_TITLE = 'Анонс итоговой конференции наставников';
const DRAFT_TITLE = 'Заметка о флеш-встречах, ещё не готовая';
/** Forty days from now: a date the site has not reached yet. */
const SCHEDULED_DATE = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

async function shot(name: string, target: Page = page): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const png = await target.screenshot();
  await sharp(png)
    .png({ palette: true, quality: 90, compressionLevel: 9 })
    .toFile(path.join(SCREENSHOTS, `${name}.png`));
}

/** Opens a CMS route with a fresh page load, so no draft of the previous route lingers (the login is remembered). */
async function open(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${server.siteUrl}/admin/${hash}`);
}

async function publishNow(target: Page = page): Promise<void> {
  await target.getByRole('button', { name: 'Опубликовать' }).click();
  await target.getByRole('menuitem', { name: 'Опубликовать сейчас' }).click();
}

async function waitForFile(file: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was not written`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const problemsOf = (relFile: string) =>
  reviewContent(server.content).problems.filter((p) => p.file.endsWith(relFile) && p.severity === 'error');

beforeAll(async () => {
  server = await startDevServer();
  // Chromium takes its interface language (date inputs: ДД.ММ.ГГГГ) from the environment.
  process.env.LANGUAGE = 'ru';
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  // A refused save rejects Decap's save promise with no reason or with a Redux action; neither is a fault.
  page.on('pageerror', (e) => !['undefined', 'Object'].includes(e.message) && pageErrors.push(e.message));
  // Leaving an entry with unsaved changes asks for confirmation; an editor would confirm.
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('CMS at /admin/ (npm start)', () => {
  it('saves through the site itself: the API is on the same origin, the only port listens on loopback', async () => {
    const config = embeddedConfig(await (await fetch(`${server.siteUrl}/admin/`)).text());
    expect(config.backend).toMatchObject({ name: 'proxy', proxy_url: expect.stringMatching(/^\/admin\/api\/[\w-]{43}$/) as unknown });
    expect(config.local_backend).toBeUndefined();
    expect(new URL(server.apiUrl).origin).toBe(server.siteUrl);
    const port = Number(new URL(server.siteUrl).port);
    expect(listeningAddresses(port).length).toBeGreaterThan(0);
    for (const address of listeningAddresses(port)) expect(['127.0.0.1', '::1']).toContain(address);
  });

  it('serves a Russian, unindexed admin page that logs in with «Войти»', async () => {
    const html = await (await fetch(`${server.siteUrl}/admin/`)).text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<html lang="ru">');
    await page.goto(`${server.siteUrl}/admin/`);
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    // The school's name on the login screen, not Decap's logo and credit mark.
    const logo = page.locator('img[src^="data:image/svg+xml"]');
    await expect(logo.getAttribute('alt')).resolves.toBe(await page.title());
    expect(await page.title()).toContain(cmsUi.adminTitle);
    await expect(page.locator('img[alt="Logo"]').count()).resolves.toBe(0);
    await shot('cms-login');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('link', { name: 'Новости' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Реестр участников (персональные данные — не публикуются)').isVisible()).resolves.toBe(true);
    await shot('cms-collections');
  });

  it('says on /search/ why text search is absent under npm start, and lists the sections it points to', async () => {
    const reader = await context.newPage();
    try {
      await reader.goto(`${server.siteUrl}/search/?q=${encodeURIComponent('наставник')}`);
      const status = reader.locator('[data-status]');
      await expect.poll(() => status.textContent()).toBe(search.failedDev);
      const links = reader.locator('[data-sections] a');
      await expect(links.first().isVisible()).resolves.toBe(true);
      await expect(links.count()).resolves.toBeGreaterThan(3);
    } finally {
      await reader.close();
    }
  });

  it('publishes a news item with a Cyrillic title and a photo under a transliterated file name', async () => {
    const photo = path.join(server.dir, 'Фото с семинара.jpg');
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 90, b: 160 } } })
      .jpeg()
      .withExif(GPS_EXIF)
      .toFile(photo);

    await open('#/collections/news/new');
    // A new entry nobody has typed in is not «saved»; an optional field and an empty list read as Russian.
    await page.getByText('Несохранённых изменений нет').waitFor();
    await page.getByText('Обложка (необязательно)', { exact: true }).waitFor();
    await page.getByText('0 элементов').first().waitFor();
    await page.getByRole('button', { name: 'Добавить элемент' }).first().waitFor();
    await page.getByLabel('Заголовок').fill(TITLE);
    await page.getByLabel('Дата публикации').fill('2026-11-20');
    await page.getByLabel('Анонс').fill('Опытные учителя рассказали молодым коллегам, как готовиться к первому открытому уроку.');
    await page.getByRole('button', { name: 'Выберите изображение' }).click();
    await page.locator('input[type=file]').setInputFiles(photo);
    await page.getByRole('button', { name: 'Выбрать помеченные' }).click();
    await page.getByLabel('Описание изображения').fill('Учителя за круглым столом в библиотеке лицея');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('Встреча прошла в библиотеке лицея. Каждый получил "памятку наставляемого".');
    await expect(page.locator('iframe').first().contentFrame().getByText('«памятку наставляемого»').isVisible()).resolves.toBe(true);
    await shot('cms-news-editor');
    await publishNow();

    const file = path.join(server.content, 'news', `${SLUG}.md`);
    await waitForFile(file);
    await page.waitForURL(new RegExp(`/entries/${SLUG}$`));
    const written = readContentFile('news', file).file!;
    expect(written.data).toMatchObject({ title: TITLE, date: '2026-11-20', level: 'school' });
    const cover = (written.data as { cover: { src: string; alt: string } }).cover;
    expect(cover.src).toMatch(/^\.\/media\/foto-s-seminara-[0-9a-z]+\.jpg$/);
    expect(problemsOf(`news/${SLUG}.md`)).toEqual([]);
    const uploaded = fs.readFileSync(path.join(server.content, 'news', cover.src));
    expect(await hasMetadata(uploaded)).toBe(false);
  });

  it('never overwrites: a second news item with the same title and day gets its own file', async () => {
    const first = fs.readFileSync(path.join(server.content, 'news', `${SLUG}.md`), 'utf8');
    await open('#/collections/news/new');
    await page.getByLabel('Заголовок').fill(TITLE);
    await page.getByLabel('Дата публикации').fill('2026-11-20');
    await page.getByLabel('Анонс').fill('Вторая новость с тем же заголовком.');
    await publishNow();
    await waitForFile(path.join(server.content, 'news', `${SLUG}-1.md`));
    expect(fs.readFileSync(path.join(server.content, 'news', `${SLUG}.md`), 'utf8')).toBe(first);
    expect(problemsOf(`news/${SLUG}-1.md`)).toEqual([]);
  });

  it('shows the cover thumbnail of a news item opened again, not an empty box', async () => {
    await open(`#/collections/news/entries/${SLUG}`);
    await page.locator('label[for^="src-field-"]').waitFor();
    // Decap's placeholder is an empty SVG; the photo is a JPEG (FF D8).
    const thumbnailStart = () =>
      page.evaluate(async () => {
        const img = document.querySelector('label[for^="src-field-"]')?.closest('[aria-label]')?.querySelector('img');
        if (!img) return 'no image';
        const bytes = new Uint8Array(await (await (await fetch(img.src)).blob()).slice(0, 2).arrayBuffer());
        return [...bytes].map((b) => b.toString(16)).join(' ');
      });
    await expect.poll(thumbnailStart).toBe('ff d8');
  });

  /** The news file whose front matter has this title, once the CMS has written it. */
  async function newsFileTitled(title: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const dir = path.join(server.content, 'news');
      const found = fs
        .readdirSync(dir)
        .find((f) => f.endsWith('.md') && fs.readFileSync(path.join(dir, f), 'utf8').includes(`title: ${title}`));
      if (found) return path.join(dir, found);
      if (Date.now() > deadline) throw new Error(`no news file titled «${title}»`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // Before any refused save: a refused entry leaves a local backup that Decap would offer to restore.
  it('saves a news item dated in the future and a draft, each as the editor set it', async () => {
    await open('#/collections/news/new');
    await page.getByLabel('Заголовок').fill(SCHEDULED_TITLE);
    await page.getByLabel('Дата публикации').fill(SCHEDULED_DATE);
    await page.getByLabel('Анонс').fill('Итоговая конференция пройдёт в актовом зале лицея; приглашаем наставников и молодых учителей.');
    await publishNow();
    const scheduled = readContentFile('news', await newsFileTitled(SCHEDULED_TITLE)).file!;
    expect(scheduled.data).toMatchObject({ title: SCHEDULED_TITLE, date: SCHEDULED_DATE });
    expect((scheduled.data as { draft?: boolean }).draft ?? false).toBe(false);

    await open('#/collections/news/new');
    const toggle = page.getByRole('switch', { name: 'Черновик' });
    await toggle.click();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByLabel('Заголовок').fill(DRAFT_TITLE);
    await page.getByLabel('Дата публикации').fill('2026-11-19');
    await page.getByLabel('Анонс').fill('Заметка ещё не готова: редактор сохранил её черновиком.');
    await publishNow();
    const draft = readContentFile('news', await newsFileTitled(DRAFT_TITLE)).file!;
    expect(draft.data).toMatchObject({ title: DRAFT_TITLE, draft: true });
  });

  it('edits an existing practice and keeps everything else as it was', async () => {
    const rel = 'practices/flesh-vstrechi-dlya-vybora-nastavnika.md';
    const file = path.join(server.content, rel);
    const before = readContentFile('practices', file).file!;
    await open('#/collections/practices/entries/flesh-vstrechi-dlya-vybora-nastavnika');
    const summary = page.getByLabel('Кратко');
    await summary.fill('Короткие встречи наставников и наставляемых, после которых пары выбирают друг друга сами.');
    await shot('cms-practice-editor');
    await publishNow();
    const deadline = Date.now() + 15_000;
    while (!fs.readFileSync(file, 'utf8').includes('выбирают друг друга сами')) {
      if (Date.now() > deadline) throw new Error('practice was not saved');
      await new Promise((r) => setTimeout(r, 200));
    }
    const after = readContentFile('practices', file).file!;
    const { summary: _a, ...restAfter } = after.data as Record<string, unknown>;
    const { summary: _b, ...restBefore } = before.data as Record<string, unknown>;
    expect(restAfter).toEqual(restBefore);
    expect(after.body.trim().length).toBeGreaterThan(100);
    expect(problemsOf(rel)).toEqual([]);
  });

  it('refuses to save what the build would reject, with a Russian message', async () => {
    const documents = () => fs.readdirSync(path.join(server.content, 'documents')).sort();
    const before = documents();
    await open('#/collections/news/new');
    await publishNow();
    await expect(page.getByText('Заполните поле «Заголовок».').first().isVisible()).resolves.toBe(true);

    await open('#/collections/documents/new');
    await page.getByLabel('Название документа').fill('Приказ о назначении кураторов');
    await page.getByLabel('Вид документа').fill('приказ');
    await page.keyboard.press('Enter');
    await page.getByLabel('Уровень', { exact: true }).fill('школьный');
    await page.keyboard.press('Enter');
    await page.getByLabel('Дата принятия').fill('2026-09-01');
    await publishNow();
    const toast = page.getByText('укажите файл или ссылку на официальный источник');
    await toast.waitFor();
    await expect(page.getByText('Сайт с такой записью не соберётся').isVisible()).resolves.toBe(true);
    // The editor is taken to the field with the problem.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('div[aria-label]')?.querySelector('label')?.textContent ?? ''))
      .toMatch(/^Файл/);
    await page.waitForTimeout(1000); // the toast slides in
    await shot('cms-refused');
    expect(documents()).toEqual(before);
  });

  it('refuses to give a stage the number another stage already has, naming that file', async () => {
    const file = path.join(server.content, 'roadmap', 'stage-1.md');
    const before = fs.readFileSync(file, 'utf8');
    await open('#/collections/roadmap/entries/stage-1');
    await page.getByLabel('Номер этапа').fill('2. Банк');
    await page.keyboard.press('Enter');
    await publishNow();
    const holder = path
      .relative(ROOT, path.join(server.content, 'roadmap', 'stage-2.md'))
      .split(path.sep)
      .join('/');
    await page.getByText(`поле «Номер этапа» — значение «2» уже занято в ${holder}`).waitFor();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  /** Fills a new news item and publishes it; resolves to the toast's text. */
  async function publishNews(body: string, date: string): Promise<string> {
    await open('#/collections/news/new');
    await page.getByLabel('Заголовок').fill(WITHHELD_TITLE);
    await page.getByLabel('Дата публикации').fill(date);
    await page.getByLabel('Анонс').fill('Молодые учителя посмотрели урок наставника и разобрали его вместе.');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type(body);
    await publishNow();
    const toast = page.getByText('Сайт не опубликует такую запись').first();
    await toast.waitFor();
    return (await toast.textContent()) ?? '';
  }

  const newsFiles = () => new Set(fs.readdirSync(path.join(server.content, 'news')));

  it('refuses a text that names a registry person without consent, naming the person, and writes nothing', async () => {
    const before = newsFiles();
    const asked = dialogs.length;
    const toast = await publishNews('Открытый урок провела Вера Игоревна Воронцова.', '2026-11-21');
    expect(toast).toContain('Воронцова Вера Игоревна');
    expect(toast).not.toMatch(/p-\d{3}/);
    await page.waitForTimeout(1000); // the toast slides in
    await page.waitForTimeout(1000);
    // No question to save it anyway (leaving the previous entry may still ask to confirm).
    expect(dialogs.slice(asked).filter((d) => d.includes(cmsUi.saveConfirm))).toEqual([]);
    expect(newsFiles()).toEqual(before);
    // Never «опубликована» for an entry the site would withhold.
    await expect(page.getByText(/Запись (опубликована|сохранена)/).count()).resolves.toBe(0);
  });

  it('refuses a text with a phone number, and writes nothing', async () => {
    const before = newsFiles();
    const toast = await publishNews('Запись на урок по телефону +7 (921) 555-12-34.', '2026-11-22');
    expect(toast).toContain('телефон или e-mail');
    await page.waitForTimeout(1500);
    await expect(page.getByText(/Запись (опубликована|сохранена)/).count()).resolves.toBe(0);
    expect(newsFiles()).toEqual(before);
  });

  it('on a Git host checks in the browser, with the registry read through the CMS backend', async () => {
    // The admin page as a static build would serve it: no dev server review, the backend its only way to the registry.
    await page.route(`${server.siteUrl}/admin/`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<script id="cms-local"[^>]*>[^<]*<\/script>/, '');
      await route.fulfill({ response: res, body: html });
    });
    const actions: { action: string; folder?: string }[] = [];
    const onRequest = (req: import('playwright-core').Request) => {
      if (!req.url().startsWith(server.apiUrl)) return;
      if (req.url() !== server.apiUrl) actions.push({ action: 'review' });
      else {
        const body = req.postDataJSON() as { action: string; params?: { folder?: string } };
        actions.push({ action: body.action, ...(body.params?.folder ? { folder: body.params.folder } : {}) });
      }
    };
    page.on('request', onRequest);
    try {
      const before = newsFiles();
      await open('');
      expect(await page.locator('#cms-local').count()).toBe(0);
      actions.length = 0;
      const toast = await publishNews('Открытый урок провела Вера Игоревна Воронцова.', '2026-11-23');
      expect(toast).toContain('Воронцова Вера Игоревна');
      const registry = path
        .relative(ROOT, path.join(server.content, 'registry', 'people'))
        .split(path.sep)
        .join('/');
      expect(actions).toContainEqual({ action: 'entriesByFolder', folder: registry });
      expect(actions.map((a) => a.action)).not.toContain('review');
      expect(actions.map((a) => a.action)).not.toContain('persistEntry');
      await page.waitForTimeout(1000);
      expect(newsFiles()).toEqual(before);
    } finally {
      page.off('request', onRequest);
      await page.unroute(`${server.siteUrl}/admin/`);
    }
  });

  it('keeps unsaved edits when content changes on disk (no reload of /admin/ under astro dev)', async () => {
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await open('#/collections/news/new');
    await page.getByLabel('Заголовок').fill('Черновик, который нельзя потерять');
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    const other = path.join(server.content, 'news', '2026-10-06-startoval-novyy-cikl-nastavnichestva.md');
    fs.appendFileSync(other, '\nДополнение, сохранённое в другой вкладке.\n');
    const deadline = Date.now() + 15_000;
    while (!messages.includes(cmsUi.reloadSuppressed) && Date.now() < deadline) await page.waitForTimeout(200);
    expect(messages).toContain(cmsUi.reloadSuppressed);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
    await expect(page.getByLabel('Заголовок').inputValue()).resolves.toBe('Черновик, который нельзя потерять');
  });

  it('shows the registry form with both consents (screenshot for the guide)', async () => {
    await open('#/collections/people/new');
    await page.getByText('Согласие на обработку (ст. 9 152-ФЗ)').first().scrollIntoViewIfNeeded();
    await expect(page.getByText('Согласие на распространение (ст. 10.1 152-ФЗ)').first().isVisible()).resolves.toBe(true);
    await shot('cms-person-consents');
    expect(pageErrors).toEqual([]);
  });

  it('builds the site from what the CMS saved: the news page is there, no published image has EXIF', async () => {
    // A phone photo committed by Git, not through the CMS, still carries GPS.
    const gitPhoto = path.join(server.content, 'news', 'media', 'ustanovochnaya-sessiya.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 140, b: 60 } } })
      .jpeg()
      .withExif(GPS_EXIF)
      .toFile(gitPhoto);
    expect(await hasMetadata(fs.readFileSync(gitPhoto))).toBe(true);

    const dist = path.join(server.dir, 'dist');
    const result = await astroBuild(dist, {
      CONTENT_DIR: path.relative(ROOT, server.content),
    });
    expect(result.code, `${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);

    const html = fs.readFileSync(path.join(dist, 'news', SLUG, 'index.html'), 'utf8');
    expect(html).toContain('Школу наставника');
    // Neither the news item dated in the future nor the draft is anywhere yet.
    const builtText = fs
      .readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|xml|json)$/.test(d.name) && !d.parentPath.includes(`${path.sep}admin`))
      .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'))
      .join('\n');
    expect(builtText).toContain('Школу наставника');
    expect(builtText).not.toContain(SCHEDULED_TITLE);
    expect(builtText).not.toContain(DRAFT_TITLE);
    expect(html).toMatch(/<img[^>]+alt="Учителя за круглым столом в библиотеке лицея"/);
    const admin = fs.readFileSync(path.join(dist, 'admin', 'index.html'), 'utf8');
    const script = /<script type="module" src="(\/admin\/cms-[0-9a-f]{16}\/main\.js)"/.exec(admin)?.[1];
    expect(script).toBeDefined();
    expect(fs.existsSync(path.join(dist, script!))).toBe(true);

    const images = fs
      .readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(jpe?g|png|webp|avif)$/i.test(d.name))
      .map((d) => path.join(d.parentPath, d.name));
    expect(images.length).toBeGreaterThan(5);
    for (const image of images) expect(await hasMetadata(fs.readFileSync(image)), path.relative(dist, image)).toBe(false);
  }, 240_000);

  it('publishes the news item dated in the future on its day, and still not the draft', async () => {
    const dist = path.join(server.dir, 'dist-on-the-day');
    const result = await astroBuild(dist, { CONTENT_DIR: path.relative(ROOT, server.content), SITE_TODAY: SCHEDULED_DATE });
    expect(result.code, `${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
    const home = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain(SCHEDULED_TITLE);
    expect(fs.readFileSync(path.join(dist, 'news', 'feed.xml'), 'utf8')).toContain(SCHEDULED_TITLE);
    expect(home).not.toContain(DRAFT_TITLE);
    expect(fs.readFileSync(path.join(dist, 'news', 'feed.xml'), 'utf8')).not.toContain(DRAFT_TITLE);
  }, 240_000);
});
